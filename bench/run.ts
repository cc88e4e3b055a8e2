// `npm run bench`: the database benchmarks in this directory, one after another. Today that
// is the scale benchmark (see README.md); the bundle-size check has its own script.
import { runScaleBenchmark } from './scale.ts';

try {
  await runScaleBenchmark();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
