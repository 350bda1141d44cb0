// The site's screening rules and charge list, kept on the device so an officer can screen with no
// connection. It holds no one's data. Read from the server whenever it can be reached.
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context.tsx';
import { readStored, STORAGE_KEYS, writeStored } from '../storage.ts';
import { getScreeningConfiguration, type ScreeningConfiguration } from './field-api.ts';

type Stored = Record<string, { configuration: ScreeningConfiguration; savedAt: number }>;

function readAll(): Stored {
  try {
    const parsed: unknown = JSON.parse(readStored(STORAGE_KEYS.screeningConfiguration) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Stored) : {};
  } catch {
    return {};
  }
}

export function storedConfiguration(siteId: string) {
  const entry = readAll()[siteId];
  return entry?.configuration.ruleSet?.rules ? entry : undefined;
}

function store(siteId: string, configuration: ScreeningConfiguration): void {
  writeStored(
    STORAGE_KEYS.screeningConfiguration,
    JSON.stringify({ ...readAll(), [siteId]: { configuration, savedAt: Date.now() } }),
  );
}

/** The configuration: the stored copy at once, replaced by the server's when it answers. */
export function useScreeningConfiguration(siteId: string) {
  const api = useApi();
  const stored = storedConfiguration(siteId);
  return useQuery({
    queryKey: ['screening-configuration', siteId],
    queryFn: async () => {
      const configuration = await getScreeningConfiguration(api, siteId);
      store(siteId, configuration);
      return configuration;
    },
    initialData: stored?.configuration,
    // The stored copy is shown but always checked against the server when online.
    initialDataUpdatedAt: 0,
    staleTime: 60_000,
  });
}
