import type { GrantsData } from '../grants.repositories';
import { BadUserInputError } from '../../core/errors';
import { fromHelsinkiLocal } from '../../core/time';
import { euros, type Money } from '../../core/types/money.type';
import { Validator } from '../../core/validation';
import type { GrantLoaders } from '../grants.loaders';
import type { GrantProgram } from '../program/program.entity';
import { RoundStatus } from './round.enums';
import type { ApplicationRound } from './round.entity';
import type { ApplicationRoundFilter } from './round.inputs';

/** Application rounds: public, so associations see what they can apply for and when. */
export class ApplicationRoundService {
  constructor(
    private readonly data: GrantsData,
    private readonly loaders: GrantLoaders,
    private readonly now: () => Date = () => new Date(),
  ) {}

  isOpen(round: ApplicationRound): boolean {
    const now = this.now();
    return round.opensAt <= now && now <= round.closesAt;
  }

  /** DECIDED once closed with applications decided and none left waiting. */
  async status(round: ApplicationRound): Promise<RoundStatus> {
    const now = this.now();
    if (now < round.opensAt) return RoundStatus.UPCOMING;
    if (now <= round.closesAt) return RoundStatus.OPEN;
    const progress = await this.loaders.roundProgress.load(round.id);
    return progress.pending === 0 && progress.decided > 0
      ? RoundStatus.DECIDED
      : RoundStatus.CLOSED;
  }

  budget(round: ApplicationRound): Money | null {
    return euros(round.budget);
  }

  async programOf(round: ApplicationRound): Promise<GrantProgram> {
    const program = await this.loaders.program.load(round.programId);
    if (!program) throw new Error(`Round ${round.id} has no program ${round.programId}`);
    return program;
  }

  async list(filter: ApplicationRoundFilter | null | undefined): Promise<ApplicationRound[]> {
    const given = filter ?? {};
    const v = new Validator();
    v.int('filter.year', given.year, { min: 2000, max: 2100 });
    const programIds = v.ids('filter.programIds', given.programIds);
    const serviceAreaIds = v.ids('filter.serviceAreaIds', given.serviceAreaIds);
    v.throwIfInvalid();
    const rounds = await this.data.repositories.rounds.list({
      ...given,
      programIds,
      serviceAreaIds,
    });
    if (!given.statuses?.length) return rounds;
    const statuses = await Promise.all(rounds.map((r) => this.status(r)));
    return rounds.filter((_, i) => given.statuses!.includes(statuses[i]));
  }

  /** A calendar year's windows: rounds open at any time that year (Helsinki), of an area or all. */
  async ofCalendar(year: number, serviceAreaId: string | null): Promise<ApplicationRound[]> {
    if (year < 2000 || year > 2100)
      throw BadUserInputError.single('year', 'RANGE', 'must be from 2000 to 2100');
    return this.data.repositories.rounds.list({
      serviceAreaIds: serviceAreaId ? [serviceAreaId.toLowerCase()] : undefined,
      overlapping: {
        from: fromHelsinkiLocal(`${year}-01-01T00:00`),
        to: fromHelsinkiLocal(`${year + 1}-01-01T00:00`),
      },
    });
  }
}
