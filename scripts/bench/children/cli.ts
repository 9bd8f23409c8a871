/** `trailwatch` as a bundled script: what a published package would run (no tsx at start-up). */
import { main } from '../../../cli/main.js';

process.exitCode = await main(process.argv.slice(2));
