import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@federess/subgraph-kit';
import { TypeCollectivite } from '../entities/enums';

@ArgsType()
export class CollectivitesArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Recherche par nom, insensible aux accents, à la casse et aux tirets, tolérante aux fautes de frappe',
  })
  recherche?: string | null;

  @Field(() => String, { nullable: true, description: 'Code de région (ARA, BRE, …)' })
  region?: string | null;

  @Field(() => [TypeCollectivite], { nullable: true })
  types?: TypeCollectivite[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Seulement les adhérentes (true) ou les non-adhérentes (false) du RTES' })
  adherente?: boolean | null;
}
