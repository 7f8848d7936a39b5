import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Association } from '../association/association.entity';
import type { AssociationsContext } from '../associations.context';
import { Municipality } from './municipality.type';

@Resolver(() => Municipality)
export class MunicipalityResolver {
  @Query(() => [Municipality], {
    nullable: true,
    description:
      'Finnish municipalities with their codes and names in Finnish and Swedish, in code order; only those given when `codes` is set.',
  })
  municipalities(
    @Arg('codes', () => [String], {
      nullable: true,
      description: 'Only these codes, e.g. ["398", "098"]; an unknown code is refused.',
    })
    codes: string[] | null,
    @Ctx() ctx: AssociationsContext,
  ): Municipality[] {
    return ctx.municipalities.list(codes);
  }

  @Query(() => Municipality, {
    nullable: true,
    description: 'One municipality by its code; null for a code that is none.',
  })
  municipality(
    @Arg('code', () => String, { description: 'Statistics Finland\'s code, e.g. "398".' })
    code: string,
    @Ctx() ctx: AssociationsContext,
  ): Municipality | null {
    return ctx.municipalities.byCode(code);
  }
}

@Resolver(() => Association)
export class AssociationMunicipalityResolver {
  @FieldResolver(() => Municipality, {
    nullable: true,
    description: 'Its home municipality, named (null only for a code no longer in use).',
  })
  municipality(@Root() association: Association, @Ctx() ctx: AssociationsContext) {
    return ctx.municipalities.byCode(association.municipalityCode);
  }
}
