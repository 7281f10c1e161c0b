import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class ClubsArgs {
  @Field(() => String, { nullable: true, description: 'Code de région (ARA, BRE, …)' })
  region?: string | null;
}
