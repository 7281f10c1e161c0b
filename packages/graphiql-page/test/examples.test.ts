import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLES } from '../src/examples';

describe("GraphiQL's examples", () => {
  it('are the README’s, word for word', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    for (const example of EXAMPLES) expect(readme).toContain(example.query);
  });
});
