import type { Command } from 'commander';
import type { Io } from '../io.js';

/** Builds one command; its action reports its exit code through `setExit`. */
export type CommandFactory = (setExit: (code: number) => void, io: Io) => Command;
