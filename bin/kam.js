#!/usr/bin/env node
import { installProcessHandlers, main } from '../dist/cli.js';

installProcessHandlers();
process.exitCode = await main(process.argv.slice(2));
