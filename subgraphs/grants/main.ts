import '../core/tracing-register';
import 'reflect-metadata';
import { runSubgraphMain } from '../core/main';
import { grantsSubgraph } from './grants.subgraph';

void runSubgraphMain(grantsSubgraph, process.env);
