import { defaultFakeFields, type FakeOdpField } from '../../tests/support/odp-fake.ts';

/**
 * What the practice workspace's accounts hold: a Braze workspace a retailer could have, and an ODP
 * account whose customer fields include "Last Seen Email" (the field Braze's Email maps to).
 */

export const brazeInstance = 'US-03';

export const brazeWorkspace = {
  segments: [
    'All subscribed users',
    'Newsletter subscribers',
    'Engaged in the last 30 days',
    'Lapsed 90 days',
    'VIP customers',
    'First purchase in the last 7 days',
    'Cart abandoners',
    'Loyalty gold tier',
    'Mobile app users',
    'France - email opt-in',
    'Germany - email opt-in',
    'Spring sale 2024 audience',
    'High lifetime value',
    'Birthday this month',
    'Never purchased',
  ],
  campaigns: [
    'Weekly newsletter',
    'Spring sale announcement',
    'Back in stock alert',
    'Order confirmation',
    'Password reset',
  ],
  canvases: ['Welcome journey', 'Cart abandonment', 'Win-back', 'Post-purchase review request'],
} as const;

/** ODP's built-in customer fields plus a few a retailer adds. */
export const odpCustomerFields: readonly FakeOdpField[] = [
  ...defaultFakeFields,
  { name: 'loyalty_tier', display_name: 'Loyalty Tier', type: 'string', created_by: 'account' },
  {
    name: 'preferred_store',
    display_name: 'Preferred Store',
    type: 'string',
    created_by: 'account',
  },
];

/** The Jacquard bucket, under the name Jacquard really provisions. */
export const jacquardBucket = 'phrasee-braze-currents-exports';
