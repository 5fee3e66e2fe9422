#!/usr/bin/env node
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildEksPrerequisites, buildWhatIf } from '../app';
import { settingsFromContext } from '../config/context';

// The CDK CLI runs this with -c env=... -c imageTag=...; cdk/README.md lists every context key.
const app = new App();
const settings = settingsFromContext(app.node);
const stacks = buildWhatIf(app, settings);
if (settings.eks) buildEksPrerequisites(app, settings, stacks);
// Synthesis fails on any AwsSolutions finding that is not acknowledged with a reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
