import * as fs from 'node:fs';
import * as path from 'node:path';
import { testLogDirectory } from '@federess/jest-preset/test-postgres';

/**
 * What the service processes of one test file write: kept in memory for the file's own checks, and
 * appended to a file of the run's log directory, where the last test of the run (log-hygiene)
 * reads every service's output for tokens, e-mails and secrets.
 */
export class ServiceLogs {
  private readonly lines: string[] = [];
  private readonly file: string;

  /**
   * `name` names the file (the test file's database prefix); `secrets` are the values the services
   * were given that no line may hold (the JWT secret, the gateway secret), kept beside it.
   */
  constructor(name: string, secrets: readonly string[]) {
    this.file = path.join(testLogDirectory(), `${name}-${process.pid}-${Date.now()}.log`);
    fs.writeFileSync(this.file, '');
    fs.writeFileSync(`${this.file}.secrets.json`, JSON.stringify(secrets));
  }

  /** One line a service wrote: the launcher's `output`. */
  readonly output = (service: string, line: string): void => {
    const entry = `[${service}] ${line}`;
    this.lines.push(entry);
    fs.appendFileSync(this.file, `${entry}\n`);
  };

  /** How many lines are in so far: a mark for `since`. */
  get count(): number {
    return this.lines.length;
  }

  /** Every line since `mark` (default: all), as one text. */
  since(mark = 0): string {
    return this.lines.slice(mark).join('\n');
  }
}

/** The service output of every test file of this run so far, one text per file, with the secrets its services held. */
export function runLogs(): { file: string; text: string; secrets: string[] }[] {
  const directory = testLogDirectory();
  return fs
    .readdirSync(directory)
    .filter((name) => name.endsWith('.log'))
    .map((name) => ({
      file: name,
      text: fs.readFileSync(path.join(directory, name), 'utf8'),
      secrets: JSON.parse(fs.readFileSync(path.join(directory, `${name}.secrets.json`), 'utf8')) as string[],
    }));
}
