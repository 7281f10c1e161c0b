import { resumeAfter } from '../src/resume-operation';

describe('resumeAfter', () => {
  it('adds the resume point to a root field that had none', () => {
    expect(resumeAfter('subscription { rencontresEnDirect { id type } }', '42')).toBe(
      'subscription {\n  rencontresEnDirect(apres: "42") {\n    id\n    type\n  }\n}',
    );
  });

  it('replaces a literal resume point and keeps the other arguments', () => {
    const rewritten = resumeAfter('subscription { rencontresEnDirect(filtre: { regions: ["BRE"] }, apres: "3") { id } }', '7');
    expect(rewritten).toContain('rencontresEnDirect(filtre: {regions: ["BRE"]}, apres: "7")');
  });

  it('drops the variable the client used for its resume point, and only that one', () => {
    const rewritten = resumeAfter(
      'subscription S($f: RencontreEvenementFiltre, $a: ID) { rencontresEnDirect(filtre: $f, apres: $a) { id } }',
      '9',
    );
    expect(rewritten).toContain('subscription S($f: RencontreEvenementFiltre)');
    expect(rewritten).toContain('rencontresEnDirect(filtre: $f, apres: "9")');
  });
});
