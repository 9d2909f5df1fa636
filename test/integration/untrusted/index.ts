// The entry point of the `untrusted` integration run (see ../runTest.ts): the same mocha setup as
// the main run, over the tests in this folder, in a VS Code with workspace trust on and the
// fixture folder test/fixtures/untrustedWorkspace not trusted.
import { runTestsIn } from '../suite/index';

export function run(): Promise<void> {
	return runTestsIn(__dirname);
}
