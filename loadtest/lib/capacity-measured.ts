// Written by `make capacity` (tools/src/capacity); do not edit: run it again.
import type { ServiceName } from './catalog.ts';

/** CPU milliseconds each service spends per request of each route, measured. */
export const cpuMsPerRequest: Readonly<Record<string, Partial<Record<ServiceName, number>>>> = {
  suggestions: {
    gateway: 1.2367662420822676,
    generation: 0.9604582242552462,
  },
  generate: {
    gateway: 0.9665240002476783,
    generation: 1.4417492759488346,
  },
  'generate-streamed': {
    gateway: 2.5230341440002473,
    generation: 6.629554731802162,
    history: 6.554988068496033,
  },
  'history-list': {
    gateway: 1.4287565684025312,
    generation: 0.037189083971970065,
    history: 3.3314307786997497,
  },
  'history-search': {
    gateway: 1.8524498423784077,
    history: 9.111293670545471,
    social: 0.3232868968445091,
  },
  'history-read': {
    gateway: 1.3792380402715805,
    generation: 0.12580139472934845,
    history: 2.5225968312468217,
  },
  'feed-latest': {
    gateway: 1.6134353177593028,
    user: 0.19175324739115138,
    sharing: 0.03383892218991887,
    social: 5.568848846600538,
  },
  'post-read': {
    gateway: 1.5259476693605443,
    social: 3.0587618325296306,
  },
  'comments-list': {
    gateway: 1.5927764264786999,
    sharing: 0.09732716297411986,
    social: 4.07776871117254,
  },
  like: {
    gateway: 1.7761968561208399,
    social: 7.100762457285854,
  },
  profile: {
    gateway: 1.6164706099304327,
    history: 0.07188085458005888,
    social: 3.2474783072755264,
  },
  'share-create': {
    gateway: 1.6925103980818286,
    history: 4.190995713491098,
    sharing: 7.238780283489175,
  },
  'share-page': {
    gateway: 1.2824189339610468,
    sharing: 3.470908621438924,
  },
  'video-read': {
    gateway: 1.7185461028120783,
    video: 5.066356153705342,
  },
  'sign-in': {
    gateway: 1.8257398097165465,
    user: 38.00449325163731,
  },
  'video-request': {
    gateway: 1.9741555967891797,
    history: 4.555936420599208,
    video: 9.08227385664127,
  },
};

export const measuredOn = '2026-11-27, 2 × AMD EPYC, node v20.20.2, load average 3.2 before and 12.9 after';
