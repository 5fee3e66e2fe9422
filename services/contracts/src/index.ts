// Internal messages: what one service asks of another (sharing's read of a scenario, purges).
export { ownedScenarioPath, ownedScenarioSchema, type OwnedScenario } from './history-messages';
export {
  purgeInstructionSchema,
  purgeKinds,
  purgesPath,
  type PurgeInstruction,
  type PurgeKind,
} from './purge';
export {
  narrationLimits,
  provenanceSchema,
  questionLimits,
  scenarioCategories,
  scenarioContentSchema,
  scenarioLanguages,
  scenarioLengths,
  scenarioSchema,
  scenarioTones,
  timelineEntrySchema,
  type Scenario,
  type ScenarioCategory,
  type ScenarioContent,
  type ScenarioLanguage,
  type ScenarioLength,
  type ScenarioTone,
} from './scenario';
export { hasPermission, isRole, permissionRoles, roles, type Permission, type Role } from './permissions';
export { JWKS_PATH, jwksUrl, sessionStatusPath, sessionStatusSchema, type SessionStatus } from './identity';
export {
  openSharePath,
  openShareRequestSchema,
  openedShareSchema,
  shareAvailabilityPath,
  shareAvailabilitySchema,
  shareGoneReasons,
  shareSlugPattern,
  type OpenShareRequest,
  type OpenedShare,
  type ShareAvailability,
  type ShareGoneReason,
} from './share-messages';
export { saveScenarioPath, saveScenarioRequestSchema, type SaveScenarioRequest } from './history-messages';
export {
  moderationActionKinds,
  moderationActionSchema,
  moderationActionsPath,
  moderationStatuses,
  moderationTargetKinds,
  moderationTargetOwners,
  reportReasons,
  reportSubmissionSchema,
  reportsPath,
  visitorHash,
  type ModerationAction,
  type ModerationActionKind,
  type ModerationStatus,
  type ModerationTargetKind,
  type ModerationTargetOwner,
  type ReportReason,
  type ReportSubmission,
} from './moderation';
export {
  engagementEventKinds,
  engagementEventSchema,
  engagementEventsPath,
  type EngagementEvent,
  type EngagementEventKind,
} from './engagement';
export { shareSignalDays, shareSignalsPath, shareSignalsSchema, type ShareSignals } from './share-signals';
