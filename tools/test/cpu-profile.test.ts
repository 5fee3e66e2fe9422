import { ownerOf, selfTimes } from '../src/bench/cpu-profile';

const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber });

describe("a process's CPU profile, summarised", () => {
  it('names who owns the code: a dependency, one of our packages, Node itself, or native code', () => {
    expect(ownerOf('file:///app/node_modules/@pinojs/redact/index.js')).toBe('@pinojs/redact');
    expect(ownerOf('file:///app/node_modules/pino/node_modules/sonic-boom/index.js')).toBe('sonic-boom');
    expect(ownerOf('file:///app/services/gateway/dist/proxy.js')).toBe('services/gateway');
    expect(ownerOf('node:internal/http')).toBe('node (its own modules)');
    expect(ownerOf('')).toBe('(native: socket and file writes, GC, V8)');
  });

  it('shares out the busy time by owner and by function, idle left out', () => {
    const { owners, functions, seconds } = selfTimes({
      startTime: 0,
      endTime: 2_000_000,
      nodes: [
        { id: 1, callFrame: frame('(idle)', ''), hitCount: 100 },
        {
          id: 2,
          callFrame: frame('verify', 'file:///app/node_modules/jsonwebtoken/verify.js', 9),
          hitCount: 30,
        },
        {
          id: 3,
          callFrame: frame('handler', 'file:///app/services/gateway/dist/proxy.js', 41),
          hitCount: 10,
        },
        {
          id: 4,
          callFrame: frame('handler', 'file:///app/services/gateway/dist/proxy.js', 41),
          hitCount: 10,
        },
        { id: 5, callFrame: frame('writeString', ''), hitCount: 50 },
      ],
    });
    expect(seconds).toBe(2);
    expect(owners).toEqual([
      { name: '(native: socket and file writes, GC, V8)', share: 0.5 },
      { name: 'jsonwebtoken', share: 0.3 },
      { name: 'services/gateway', share: 0.2 },
    ]);
    expect(functions[0]).toEqual({ name: 'writeString', share: 0.5 });
    expect(functions).toContainEqual({ name: 'handler services/gateway:42', share: 0.2 });
  });
});
