import 'reflect-metadata';
import { runSubgraphMain } from '../core/main';
import { facilitiesSubgraph } from './facilities.subgraph';

void runSubgraphMain(facilitiesSubgraph, process.env);
