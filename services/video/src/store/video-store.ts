import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { VideoProgress, VideoRecord } from '../video';
import { type CreateOutcome, type IdempotencyClaim, createVideo, findClaimed } from './create-video';
import { deleteVideo } from './delete-video';
import {
  type Finish,
  cancelVideo,
  finishVideo,
  markQueued,
  markRunning,
  recordProgress,
} from './job-transitions';
import {
  type VideoPage,
  activeVideos,
  listVideos,
  readVideo,
  videosOfOwner,
  videosOfScenario,
} from './read-videos';

/** The video jobs' data access: the only module that knows DynamoDB. */
export interface VideoStore {
  create(record: VideoRecord, claim?: IdempotencyClaim): Promise<CreateOutcome>;
  /** What an earlier request with the same idempotency key made, if anything. */
  findClaimed(ownerId: string, claim: IdempotencyClaim): Promise<CreateOutcome | undefined>;
  read(videoId: string): Promise<VideoRecord | undefined>;
  /** The owner's video; undefined when it is missing or someone else's. */
  readOwned(ownerId: string, videoId: string): Promise<VideoRecord | undefined>;
  list(ownerId: string, limit: number, after?: string): Promise<VideoPage>;
  ofScenario(scenarioId: string): Promise<string[]>;
  ofOwner(ownerId: string): Promise<string[]>;
  /** Jobs accepted or running, for the sweeper. */
  active(): Promise<string[]>;
  markRunning(videoId: string, attempt: number): Promise<VideoRecord | undefined>;
  recordProgress(videoId: string, progress: Omit<VideoProgress, 'status'>): Promise<boolean>;
  finish(videoId: string, finish: Finish): Promise<VideoRecord | undefined>;
  markQueued(videoId: string): Promise<VideoRecord | undefined>;
  cancel(ownerId: string, videoId: string): Promise<VideoRecord | undefined>;
  delete(videoId: string, ownerId?: string): Promise<boolean>;
}

export function createVideoStore(
  documents: DynamoDBDocumentClient,
  tableName: string,
  now: () => Date = () => new Date(),
): VideoStore {
  const context = { documents, tableName };
  return {
    create: (record, claim) => createVideo(context, record, claim, now()),
    findClaimed: (ownerId, claim) => findClaimed(context, ownerId, claim),
    read: (videoId) => readVideo(context, videoId),
    async readOwned(ownerId, videoId) {
      const record = await readVideo(context, videoId);
      return record?.ownerId === ownerId ? record : undefined;
    },
    list: (ownerId, limit, after) => listVideos(context, ownerId, limit, after),
    ofScenario: (scenarioId) => videosOfScenario(context, scenarioId),
    ofOwner: (ownerId) => videosOfOwner(context, ownerId),
    active: () => activeVideos(context),
    markRunning: (videoId, attempt) => markRunning(context, videoId, attempt, now()),
    recordProgress: (videoId, progress) => recordProgress(context, videoId, progress, now()),
    finish: (videoId, finish) => finishVideo(context, videoId, finish, now()),
    markQueued: (videoId) => markQueued(context, videoId, now()),
    cancel: (ownerId, videoId) => cancelVideo(context, ownerId, videoId, now()),
    delete: (videoId, ownerId) => deleteVideo(context, videoId, ownerId),
  };
}
