import { deps } from './composition';
import { wrapConversationStepsHandler } from './create-handler';

/** Every Task of the conversation workflow (Step Functions → Lambda). */
export const handler = wrapConversationStepsHandler(deps);
