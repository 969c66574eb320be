/** The provenance of the command now running (results/provenance-format.ts): its command line, the scenarios' hashes and the package version. */
import type { Design, Provenance } from '../results/provenance-format.js';
import { commandLineOf } from '../results/provenance-format.js';
import { scenarioSha256 } from '../results/provenance.js';
import { packageVersion } from './package-info.js';

/** What a command knows of a scenario it ran: its name and the resolved scenario (LoadedScenario.scenario). */
export interface ScenarioSource {
  name: string;
  resolved: unknown;
}

let invocation: readonly string[] | null = null;

/** The arguments the command line parser was given (program.ts's buildCli), so a command run in process (tests) records its own, not the test runner's. */
export function setInvocation(args: readonly string[]): void {
  invocation = [...args];
}

/** `args`: the command's arguments (default: those buildCli parsed, else this process's after node and the script). */
export function commandProvenance(scenarios: readonly ScenarioSource[], design: Design, args: readonly string[] = invocation ?? process.argv.slice(2)): Provenance {
  return {
    scenarios: scenarios.map((s) => ({ name: s.name, sha256: scenarioSha256(s.resolved) })),
    commandLine: commandLineOf(args),
    design,
    packageVersion: packageVersion(),
  };
}

/** The scenario of a loaded scenario file. */
export const scenarioSource = (loaded: { scenario: { name: string } }): ScenarioSource => ({ name: loaded.scenario.name, resolved: loaded.scenario });
