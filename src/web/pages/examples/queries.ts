// The example library in the reader's language: the same for every organisation, and it
// changes only with a new version of the app, so it is read once per language.
import { useQuery } from '@tanstack/react-query';
import type { Locale } from '../../../core/domain.ts';
import { api, query } from '../../api/client.ts';
import type { Examples } from '../../api/types.ts';

export const useExamples = (lang: Locale, enabled = true) =>
  useQuery({
    queryKey: ['examples', lang],
    queryFn: ({ signal }) => api.get<Examples>(`/examples${query({ lang })}`, signal),
    enabled,
    staleTime: Infinity,
  });
