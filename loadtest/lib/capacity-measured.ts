// Written by `make capacity` (tools/src/capacity); do not edit: run it again.
import type { ServiceName } from './catalog.ts';

/** CPU milliseconds each service spends per request of each route, measured. */
export const cpuMsPerRequest: Readonly<Record<string, Partial<Record<ServiceName, number>>>> = {
  "suggestions": {
    "gateway": 0.5073723308893477,
    "generation": 0.3724923900077503
  },
  "generate": {
    "gateway": 0.5342890051868417,
    "generation": 0.7831393891376435
  },
  "generate-streamed": {
    "gateway": 2.1593013776933216,
    "generation": 5.944207366861454,
    "history": 6.7782976597926226,
    "social": 7.038388188215572
  },
  "history-list": {
    "gateway": 0.9258267845604791,
    "history": 2.065881807357014
  },
  "history-search": {
    "gateway": 1.667200470930775,
    "user": 0.040263477598920294,
    "history": 9.006675929122325,
    "sharing": 0.10461021457254448
  },
  "history-read": {
    "gateway": 1.2787033305347708,
    "generation": 0.07347211062987107,
    "history": 2.205416287788402
  },
  "feed-latest": {
    "gateway": 1.2263426022738249,
    "user": 0.13591917979661722,
    "generation": 0.03274654746033516,
    "history": 0.03158113089609809,
    "sharing": 0.030015462051783865,
    "social": 3.8199343250550513
  },
  "post-read": {
    "gateway": 1.073828645582506,
    "user": 0.03109903257867793,
    "history": 0.02073234760792553,
    "video": 0.03627507992696925,
    "social": 2.6203270502632914
  },
  "comments-list": {
    "gateway": 1.2305489294617256,
    "user": 0.053534772674871466,
    "generation": 0.049437412527209526,
    "history": 0.07793691679282012,
    "sharing": 0.05456692383631045,
    "social": 3.1455622397217065
  },
  "comment": {
    "gateway": 2.2972876841926007,
    "user": 0.7357241456872524,
    "generation": 0.052134478784659224,
    "history": 0.11914158032056427,
    "social": 24.22611408268478
  },
  "like": {
    "gateway": 1.1605376378681709,
    "social": 4.020684638440744
  },
  "profile": {
    "gateway": 1.0371334140435744,
    "social": 2.437641352684051
  },
  "share-create": {
    "gateway": 1.3727944171253634,
    "user": 0.020479933372731424,
    "history": 2.720416502180955,
    "sharing": 5.769661798900662,
    "social": 2.7168587955688066
  },
  "share-page": {
    "gateway": 0.8250436784589134,
    "sharing": 1.6984401312818456
  },
  "video-read": {
    "gateway": 0.8527264573788891,
    "video": 2.0386784469190573
  },
  "sign-in": {
    "gateway": 1.5084138731640724,
    "user": 28.247808686132867,
    "history": 0.02381081305822188
  },
  "video-request": {
    "gateway": 1.6883192087082928,
    "user": 0.02059951701818041,
    "history": 3.3757353602072713,
    "video": 6.859404814593491
  }
};

export const measuredOn = "2026-11-27, 2 × AMD EPYC, node v20.20.2, load average 1.1 before and 7.4 after";
