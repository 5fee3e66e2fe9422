import { CfnBudget } from 'aws-cdk-lib/aws-budgets';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { EnvironmentName } from '../config/environment-config';

/** The cost allocation tag every resource of an environment carries (app.ts), which the budget filters on. */
export const environmentTagKey = 'Environment';

export interface CostBudgetProps {
  readonly budgetName: string;
  readonly environment: EnvironmentName;
  readonly monthlyUsd: number;
  readonly topic: ITopic;
}

/**
 * AWS Budgets on the month's cost of one environment (its resources' Environment tag, once that
 * tag is activated for cost allocation): the alert topic hears when the actual cost passes 80 % of
 * the budget and when the forecast for the month passes 100 %.
 */
export class CostBudget extends Construct {
  readonly budget: CfnBudget;

  constructor(scope: Construct, id: string, props: CostBudgetProps) {
    super(scope, id);
    const subscribers = [{ subscriptionType: 'SNS', address: props.topic.topicArn }];
    const alertWhen = (notificationType: 'ACTUAL' | 'FORECASTED', percent: number) => ({
      notification: {
        notificationType,
        comparisonOperator: 'GREATER_THAN',
        threshold: percent,
        thresholdType: 'PERCENTAGE',
      },
      subscribers,
    });
    this.budget = new CfnBudget(this, 'Budget', {
      budget: {
        budgetName: props.budgetName,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: props.monthlyUsd, unit: 'USD' },
        costFilters: { TagKeyValue: [`user:${environmentTagKey}$${props.environment}`] },
      },
      notificationsWithSubscribers: [alertWhen('ACTUAL', 80), alertWhen('FORECASTED', 100)],
    });
  }
}
