import '../core/tracing-register';
import 'reflect-metadata';
import { runSubgraphMain } from '../core/main';
import { cooperationSubgraph } from './cooperation.subgraph';

void runSubgraphMain(cooperationSubgraph, process.env);
