// Written by `make capacity` (tools/src/capacity); do not edit: run it again.
import type { ServiceName } from './catalog.ts';

/** CPU milliseconds each service spends per request of each route, measured. */
export const cpuMsPerRequest: Readonly<Record<string, Partial<Record<ServiceName, number>>>> = {
  "suggestions": {
    "gateway": 0.7507576366922183,
    "generation": 0.570778329637278
  },
  "generate": {
    "gateway": 0.7546617480742024,
    "generation": 1.203850328918625,
    "social": 0.041105907185027615
  },
  "generate-streamed": {
    "gateway": 2.5975161079108786,
    "user": 0.0220573732502751,
    "generation": 7.358273514553789,
    "history": 9.295136275335445,
    "social": 9.87747231961472
  },
  "history-list": {
    "gateway": 1.4007677385225812,
    "user": 0.1365086582120295,
    "generation": 0.020487951766302175,
    "history": 3.905441276452629
  },
  "history-search": {
    "gateway": 2.0404215591978105,
    "user": 0.028170712467984745,
    "history": 7.933548434267492,
    "sharing": 0.06610848353624733,
    "social": 0.05024904389048523
  },
  "history-read": {
    "gateway": 1.3338366264870998,
    "history": 2.4306612706853836
  },
  "feed-latest": {
    "gateway": 1.6265452551343744,
    "sharing": 0.07970563063386088,
    "social": 6.178404516052258
  },
  "post-read": {
    "gateway": 1.5237015253434147,
    "social": 4.276606591838933
  },
  "comments-list": {
    "gateway": 0.9042247992032539,
    "generation": 0.11262582275021188,
    "social": 2.359224210611972
  },
  "comment": {
    "gateway": 2.4590220207575046,
    "user": 0.8559803416122124,
    "generation": 0.037933657419266534,
    "history": 0.08006278095246747,
    "sharing": 0.3100350497504621,
    "social": 29.293947307081382
  },
  "like": {
    "gateway": 1.598246059005419,
    "social": 5.885960246907193
  },
  "profile": {
    "gateway": 1.3970308440306667,
    "social": 3.492371055164676
  },
  "share-create": {
    "gateway": 1.7760729777764712,
    "user": 0.03961336645020944,
    "history": 3.5567375702288624,
    "sharing": 8.546398526578955,
    "social": 3.8099201592250354
  },
  "share-page": {
    "gateway": 0.8566162696964739,
    "sharing": 1.9955812232216723
  },
  "video-read": {
    "gateway": 0.7897220005489771,
    "video": 2.2710727577342187
  },
  "sign-in": {
    "gateway": 1.1338945802335394,
    "user": 27.946526744881947
  },
  "video-request": {
    "gateway": 1.520359922747453,
    "history": 3.3263987978685416,
    "video": 6.436535712182614
  }
};

export const measuredOn = "2026-11-27, 2 × AMD EPYC, node v20.20.2, load average 7.2 before and 9.7 after";
