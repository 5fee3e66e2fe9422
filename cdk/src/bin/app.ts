#!/usr/bin/env node
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildWhatIf } from '../app';
import { settingsFromContext } from '../config/context';

// The CDK CLI runs this with -c env=... -c imageTag=...; cdk/README.md lists every context key.
const app = new App();
buildWhatIf(app, settingsFromContext(app.node));
// Synthesis fails on any AwsSolutions finding that is not acknowledged with a reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
