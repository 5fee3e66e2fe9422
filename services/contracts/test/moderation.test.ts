import { moderationActionSchema, reportSubmissionSchema, visitorHash } from '@what-if/contracts';

const report = {
  id: '5d0c5b8e-3a55-4c8e-9a1f-0b7b8f3f2a11',
  target: { service: 'sharing', kind: 'share', id: 'abc123' },
  ownerId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  reporter: { visitorHash: visitorHash('203.0.113.7') },
  reason: 'spam',
  reportedAt: '2026-01-01T00:00:00.000Z',
};

test('a report from a signed-out visitor is a valid submission', () => {
  expect(reportSubmissionSchema.parse(report)).toEqual(report);
});

test('a report names its reason from the fixed list and an id that is a uuid', () => {
  expect(reportSubmissionSchema.safeParse({ ...report, reason: 'boring' }).success).toBe(false);
  expect(reportSubmissionSchema.safeParse({ ...report, id: 'one' }).success).toBe(false);
});

test('a decision names what it does to which content', () => {
  const action = {
    id: '9b2d1c1e-61f4-4d44-a1d8-2b0b8a9c1f10',
    target: { kind: 'post', id: 'p1' },
    action: 'hide',
    reason: 'Five people reported it as spam',
    decidedAt: '2026-01-01T00:00:00.000Z',
  };
  expect(moderationActionSchema.parse(action)).toEqual(action);
  expect(moderationActionSchema.safeParse({ ...action, action: 'delete' }).success).toBe(false);
});

test('the visitor hash is one value per network, whoever in it reports', () => {
  expect(visitorHash('203.0.113.7')).toBe(visitorHash('203.0.113.250'));
  expect(visitorHash('::ffff:203.0.113.9')).toBe(visitorHash('203.0.113.7'));
  expect(visitorHash('203.0.114.7')).not.toBe(visitorHash('203.0.113.7'));
  expect(visitorHash('2001:db8:1:2::1')).toBe(visitorHash('2001:0db8:0001:ffff::9'));
  expect(visitorHash('2001:db8:2::1')).not.toBe(visitorHash('2001:db8:1::1'));
  expect(visitorHash('203.0.113.7')).toMatch(/^[0-9a-f]{64}$/);
});
