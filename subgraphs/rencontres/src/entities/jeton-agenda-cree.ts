import { Field, ObjectType } from 'type-graphql';
import { JetonAgenda } from './jeton-agenda';

@ObjectType({ description: "Un jeton d'agenda qui vient d'être créé : le seul moment où le jeton lui-même est donné" })
export class JetonAgendaCree {
  @Field(() => JetonAgenda)
  jetonAgenda: JetonAgenda;

  @Field({ description: 'Le jeton, à garder secret : le hub n’en garde que l’empreinte et ne pourra plus le redonner' })
  jeton: string;

  @Field({
    description:
      "Le chemin du flux privé sur la passerelle, à ajouter à son adresse : /agenda.ics?jeton=… (les filtres de l'agenda s'y ajoutent)",
  })
  chemin: string;
}
