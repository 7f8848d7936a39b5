import DataLoader from 'dataloader';
import { byIdLoader, groupLoader } from '../core/loaders';
import type { GrantApplication } from './application/application.entity';
import type { GrantSupportRow } from './association-support/association-support.repository';
import type { GrantsRepositories } from './grants.repositories';
import type { RoundProgress } from './round/round.repository';

/** Loaders keyed by a year (or all years): one batch query per year asked for in a request. */
function perYear<V>(make: (year: number | null) => DataLoader<string, V>) {
  const loaders = new Map<number | null, DataLoader<string, V>>();
  return (year: number | null | undefined): DataLoader<string, V> => {
    const key = year ?? null;
    let loader = loaders.get(key);
    if (!loader) {
      loader = make(key);
      loaders.set(key, loader);
    }
    return loader;
  };
}

/**
 * Every relation of the grants graph, batched per request: a page of awards or
 * applications with their rounds, programs, budgets and histories costs the same few
 * statements whatever its length.
 */
export function createGrantLoaders({
  programs,
  rounds,
  applications,
  awards,
  support,
}: GrantsRepositories) {
  return {
    program: byIdLoader(
      (ids) => programs.programsByIds(ids),
      (p) => p.id,
    ),
    programsOfServiceArea: groupLoader(
      (ids) => programs.ofServiceAreas(ids),
      (p) => p.serviceAreaId ?? '',
    ),
    round: byIdLoader(
      (ids) => rounds.roundsByIds(ids),
      (r) => r.id,
    ),
    roundsOfProgram: groupLoader(
      (ids) => rounds.ofPrograms(ids),
      (r) => r.programId,
    ),
    roundProgress: new DataLoader<string, RoundProgress>(async (ids) => {
      const byId = new Map((await rounds.progress(ids)).map((p) => [p.roundId, p]));
      return ids.map((id) => byId.get(id) ?? { roundId: id, pending: 0, decided: 0 });
    }),
    application: byIdLoader(
      (ids) => applications.applicationsByIds(ids),
      (a) => a.id,
    ),
    historyOfApplication: groupLoader(
      (ids) => applications.historyOf(ids),
      (h) => h.applicationId,
    ),
    linesOfApplication: groupLoader(
      (ids) => applications.linesOf(ids),
      (l) => l.applicationId,
    ),
    awardsOfAssociation: perYear<GrantApplication[]>((year) =>
      groupLoader(
        (ids) => awards.ofAssociations(ids, year),
        (a) => a.associationId,
      ),
    ),
    totalAwardedOfAssociation: perYear<string>(
      (year) =>
        new DataLoader<string, string>(async (ids) => {
          const byId = new Map(
            (await awards.totals(ids, year)).map((t) => [t.associationId, t.total]),
          );
          return ids.map((id) => byId.get(id) ?? '0.00');
        }),
    ),
    /** Each association's grants of a year, awarded and paid: `Association.support`. */
    grantSupportOfYear: perYear<GrantSupportRow>(
      (year) =>
        new DataLoader<string, GrantSupportRow>(async (ids) => {
          const rows = await support.grantsOfYear(year ?? 0, ids);
          const byId = new Map(rows.map((row) => [row.associationId, row]));
          return ids.map(
            (id) => byId.get(id) ?? { associationId: id, awarded: '0.00', paid: '0.00', count: 0 },
          );
        }),
    ),
  };
}
export type GrantLoaders = ReturnType<typeof createGrantLoaders>;
