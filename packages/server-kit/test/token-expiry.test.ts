import { watchTokenExpiry } from '../src/token-expiry';

const DAY = 86_400_000;

describe('watchTokenExpiry', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('waits for an expiry beyond what one setTimeout can hold (a token of 40 days)', () => {
    const expire = jest.fn();
    watchTokenExpiry(Date.now() + 40 * DAY, expire);
    jest.advanceTimersByTime(39 * DAY);
    expect(expire).not.toHaveBeenCalled();
    jest.advanceTimersByTime(DAY);
    expect(expire).toHaveBeenCalledTimes(1);
  });

  it('expires at once a token already expired', () => {
    const expire = jest.fn();
    watchTokenExpiry(Date.now() - 1, expire);
    expect(expire).toHaveBeenCalledTimes(1);
  });

  it('is cancelled at the close of the socket, and never fires for an anonymous one', () => {
    const expire = jest.fn();
    const cancel = watchTokenExpiry(Date.now() + 1000, expire);
    cancel();
    watchTokenExpiry(null, expire);
    jest.advanceTimersByTime(2 * DAY);
    expect(expire).not.toHaveBeenCalled();
  });
});
