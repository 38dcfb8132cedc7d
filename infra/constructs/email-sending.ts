import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as ses from 'aws-cdk-lib/aws-ses';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { IrisFunction } from './iris-function';

export interface EmailSendingProps {
  readonly configurationSetName: string;
  readonly tenantId: string;
}

/**
 * SES events IRIS acts on, as EventBridge names them (`detail-type`): delivered, bounced, complained, rejected,
 * delayed. Sends, opens and clicks are counted in CloudWatch only.
 */
export const SES_EVENT_DETAIL_TYPES = [
  'Email Delivered',
  'Email Bounced',
  'Email Complaint Received',
  'Email Rejected',
  'Email Delivery Delayed',
] as const;

/**
 * The SES configuration set every e-mail is sent with (the sender passes its name on every SendEmail): TLS
 * required to the receiving server, reputation metrics on, bounces and complaints go on the account's
 * suppression list, send/delivery/bounce/complaint/reject events are counted in CloudWatch per tenant, and
 * delivery/bounce/complaint/reject/delay events go to the account's default EventBridge bus, where a rule
 * matching this configuration set hands them to `email-events` (docs/decisions.md, "SES bounces and
 * complaints": EventBridge over SNS). The sender identity itself (domain with DKIM) is verified outside the
 * stack (docs/deploy.md), since several tenant stacks may share a domain.
 */
export class EmailSending extends Construct {
  readonly configurationSet: ses.ConfigurationSet;
  private readonly configurationSetName: string;

  constructor(scope: Construct, id: string, props: EmailSendingProps) {
    super(scope, id);
    this.configurationSetName = props.configurationSetName;
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: props.configurationSetName,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet.addEventDestination('CloudWatch', {
      destination: ses.EventDestination.cloudWatchDimensions([
        { name: 'tenant', source: ses.CloudWatchDimensionSource.MESSAGE_TAG, defaultValue: props.tenantId },
      ]),
      events: [
        ses.EmailSendingEvent.SEND,
        ses.EmailSendingEvent.DELIVERY,
        ses.EmailSendingEvent.BOUNCE,
        ses.EmailSendingEvent.COMPLAINT,
        ses.EmailSendingEvent.REJECT,
        ses.EmailSendingEvent.RENDERING_FAILURE,
        ses.EmailSendingEvent.DELIVERY_DELAY,
      ],
    });
    this.configurationSet.addEventDestination('EventBridge', {
      destination: ses.EventDestination.eventBus(
        events.EventBus.fromEventBusName(this, 'DefaultBus', 'default'),
      ),
      events: [
        ses.EmailSendingEvent.DELIVERY,
        ses.EmailSendingEvent.BOUNCE,
        ses.EmailSendingEvent.COMPLAINT,
        ses.EmailSendingEvent.REJECT,
        ses.EmailSendingEvent.DELIVERY_DELAY,
      ],
    });
  }

  /**
   * The rule that hands this configuration set's events to `fn`: retried by EventBridge for up to a day, then
   * kept in `deadLetterQueue` (the stack's failed-events queue, alarmed).
   */
  deliverEventsTo(fn: IrisFunction, deadLetterQueue: sqs.IQueue): events.Rule {
    return new events.Rule(this, 'SesEventsRule', {
      description: `SES events of ${this.configurationSetName} → email-events`,
      eventPattern: {
        source: ['aws.ses'],
        detailType: [...SES_EVENT_DETAIL_TYPES],
        detail: { mail: { tags: { 'ses:configuration-set': [this.configurationSetName] } } },
      },
      targets: [
        new targets.LambdaFunction(fn.function, {
          deadLetterQueue,
          retryAttempts: 8,
          maxEventAge: Duration.hours(24),
        }),
      ],
    });
  }
}
