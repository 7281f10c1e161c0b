import { surveillerExpiration } from '../src/evenements/expiration-jeton';

const JOUR = 86_400_000;

describe('surveillerExpiration', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('waits for an expiry beyond what one setTimeout can hold (a token of 40 days)', () => {
    const expire = jest.fn();
    surveillerExpiration(Date.now() + 40 * JOUR, expire);
    jest.advanceTimersByTime(39 * JOUR);
    expect(expire).not.toHaveBeenCalled();
    jest.advanceTimersByTime(JOUR);
    expect(expire).toHaveBeenCalledTimes(1);
  });

  it('is cancelled at the close of the socket, and never fires for an anonymous one', () => {
    const expire = jest.fn();
    const annuler = surveillerExpiration(Date.now() + 1000, expire);
    annuler();
    surveillerExpiration(null, expire);
    jest.advanceTimersByTime(2 * JOUR);
    expect(expire).not.toHaveBeenCalled();
  });
});
