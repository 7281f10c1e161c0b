import type { IncomingMessage } from 'node:http';
import { isNotModified, versionOf } from '../../src/feeds/http-cache';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('feed versions and conditional requests', () => {
  const version = versionOf(['agenda.ics', '?region=ARA', 'evenement:42'], new Date('2027-03-01T10:00:00.500Z'));

  it('derives a weak ETag from everything the representation depends on', () => {
    expect(version.etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(versionOf(['agenda.ics', '?region=ARA', 'evenement:42'], null).etag).toBe(version.etag);
    expect(versionOf(['agenda.ics', '?region=ARA', 'evenement:43'], null).etag).not.toBe(version.etag);
    expect(versionOf(['agenda.ics', '?region=BRE', 'evenement:42'], null).etag).not.toBe(version.etag);
  });

  it('compares If-None-Match weakly, among several tags, and lets it win over If-Modified-Since', () => {
    const opaque = version.etag.slice(2);
    expect(isNotModified(request({ 'if-none-match': version.etag }), version)).toBe(true);
    expect(isNotModified(request({ 'if-none-match': opaque }), version)).toBe(true);
    expect(isNotModified(request({ 'if-none-match': `W/"autre", ${version.etag}` }), version)).toBe(true);
    expect(isNotModified(request({ 'if-none-match': '*' }), version)).toBe(true);
    expect(isNotModified(request({ 'if-none-match': 'W/"autre"', 'if-modified-since': 'Mon, 01 Mar 2027 10:00:00 GMT' }), version)).toBe(
      false,
    );
  });

  it('answers If-Modified-Since to the second', () => {
    expect(isNotModified(request({ 'if-modified-since': 'Mon, 01 Mar 2027 10:00:00 GMT' }), version)).toBe(true);
    expect(isNotModified(request({ 'if-modified-since': 'Mon, 01 Mar 2027 09:59:59 GMT' }), version)).toBe(false);
    expect(isNotModified(request({ 'if-modified-since': 'pas une date' }), version)).toBe(false);
    expect(isNotModified(request({}), version)).toBe(false);
  });
});
