import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface EmailSendingProps {
  readonly configurationSetName: string;
  readonly tenantId: string;
}

/**
 * The SES configuration set every collections e-mail is sent with: TLS required to the receiving server,
 * reputation metrics on, bounces and complaints go on the account's suppression list, and send/delivery/
 * bounce/complaint/reject events are counted in CloudWatch per tenant. The sender identity itself (domain
 * with DKIM) is verified outside the stack (docs/deploy.md), since several tenant stacks may share a domain.
 */
export class EmailSending extends Construct {
  readonly configurationSet: ses.ConfigurationSet;

  constructor(scope: Construct, id: string, props: EmailSendingProps) {
    super(scope, id);
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
  }
}
