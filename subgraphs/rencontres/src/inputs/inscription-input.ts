import { Field, ID, InputType } from 'type-graphql';
import { QualiteInscrit } from '../entities/enums';

@InputType({ description: "L'inscription d'une personne à une rencontre" })
export class InscriptionInput {
  @Field()
  prenom: string;

  @Field()
  nom: string;

  @Field()
  email: string;

  @Field(() => QualiteInscrit)
  qualite: QualiteInscrit;

  @Field(() => String, { nullable: true, description: 'Fonction : adjointe au maire, chargé de mission…' })
  fonction?: string | null;

  @Field(() => ID, { nullable: true, description: 'La collectivité de la personne, par exemple COMMUNE:63113' })
  collectiviteId?: string | null;
}
