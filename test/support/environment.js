// Test processes run on whatever Node the machine has; the AWS SDK's notice that it will
// soon need a newer one is for developers (make dev says it once), not for every test file.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
