/**
 * Braze instances from the reference (`data_centers.md` plus the rendered API basics page for
 * JP-01 / KR-01). The REST host is what the checks call; dashboard hosts let a pasted dashboard
 * URL resolve to its instance. Shared so the renderer's instance picker lists the same table.
 */
export interface BrazeInstance {
  id: string;
  restEndpoint: string;
  dashboardHosts: readonly string[];
}

const us = (n: string): BrazeInstance => ({
  id: `US-${n}`,
  restEndpoint: `https://rest.iad-${n}.braze.com`,
  dashboardHosts: [`dashboard-${n}.braze.com`],
});

const regional = (region: string, n: string): BrazeInstance => ({
  id: `${region.toUpperCase()}-${n}`,
  restEndpoint: `https://rest.${region}-${n}.braze.com`,
  dashboardHosts: [`dashboard.${region}-${n}.braze.com`],
});

export const brazeInstances: readonly BrazeInstance[] = [
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map(us),
  {
    id: 'US-10',
    restEndpoint: 'https://rest.us-10.braze.com',
    dashboardHosts: ['dashboard-10.braze.com', 'dashboard.us-10.braze.com'],
  },
  {
    id: 'EU-01',
    restEndpoint: 'https://rest.fra-01.braze.eu',
    dashboardHosts: ['dashboard-01.braze.eu'],
  },
  {
    id: 'EU-02',
    restEndpoint: 'https://rest.fra-02.braze.eu',
    dashboardHosts: ['dashboard-02.braze.eu'],
  },
  regional('au', '01'),
  regional('id', '01'),
  regional('jp', '01'),
  regional('kr', '01'),
];

/** The value of the `braze.instance` input when the CSM gives a REST endpoint of their own. */
export const customInstanceId = 'custom';

export const brazeInstanceIds: readonly string[] = brazeInstances.map((i) => i.id);

export const findBrazeInstance = (id: string): BrazeInstance | undefined =>
  brazeInstances.find((i) => i.id === id.toUpperCase());
