// The order of the e2e test files: Jest's own (the slowest and the last failed first), with
// observability.test.ts last, whose final test reads what the services of every other file logged.
// Jest loads a sequencer with require().
const Sequencer = require('@jest/test-sequencer').default;

const LAST = /observability\.test\.ts$/;

class RunOrder extends Sequencer {
  sort(tests) {
    return Promise.resolve(super.sort(tests)).then((sorted) => [
      ...sorted.filter((test) => !LAST.test(test.path)),
      ...sorted.filter((test) => LAST.test(test.path)),
    ]);
  }
}

module.exports = RunOrder;
