/** How a long job reports how far it got; the command line draws it (scripts/progress.ts). */
export type Progress = (done: number, total: number) => void;
