import type { InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';

import { NonRetryableError } from '../domain/errors.js';
import type { DurableOps } from './DurableOps.js';
import { durableOpsFromClient } from './durableOpsFromClient.js';

/**
 * The durable client operations of an activity registered with a `durableClient` input (as
 * Azure and the dev host both pass it). Throws NonRetryableError naming the activity when the
 * host gave none: a registration error, which no retry fixes.
 */
export function requireDurableOps(context: InvocationContext, activity: string): DurableOps {
  try {
    return durableOpsFromClient(df.getClient(context));
  } catch (error) {
    throw new NonRetryableError(
      `${activity}: expected a durable client input (df.input.durableClient()), got none: ${
        error instanceof Error ? error.message : String(error)
      }`,
      { cause: error },
    );
  }
}
