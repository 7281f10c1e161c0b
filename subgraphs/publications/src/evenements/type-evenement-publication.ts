import { registerEnumType } from 'type-graphql';
import { TypeChangementPublication } from '../resolvers/record-change';

registerEnumType(TypeChangementPublication, {
  name: 'TypeEvenementPublication',
  description: 'Ce qui est arrivé à une publication',
  valuesConfig: {
    CREEE: { description: 'La publication a été publiée' },
    MODIFIEE: { description: 'Elle a changé : ses métadonnées, son document, ses citations, sa région, son club ou sa rencontre' },
  },
});

export { TypeChangementPublication as TypeEvenementPublication };
