/**
 * Common Brazilian first names, nicknames and surnames (folded). Only used to recognise a name written in
 * lowercase ("recebi 200 do joao", "cobra do ze silva"); a capitalised name needs no list.
 */

const FIRST_NAMES = `
  joao jose antonio francisco carlos paulo pedro lucas luiz luis marcos gabriel rafael daniel marcelo bruno eduardo
  felipe raimundo rodrigo manoel manuel mateus matheus andre fernando fabio leonardo gustavo guilherme leandro tiago
  thiago anderson ricardo jorge sebastiao roberto diego vitor victor sergio claudio cesar renato alexandre adriano
  luciano julio vinicius samuel davi david mauricio henrique caio igor otavio murilo enzo arthur artur heitor
  bernardo miguel nicolas benicio lorenzo theo teo joaquim ruan wellington wesley willian william washington
  edson edilson emerson everton evandro fabricio flavio geraldo gilberto helio hugo ivan jefferson joel jonas
  juliano kleber cleber leonel lourenco marcio mario milton nelson osvaldo oswaldo otto reinaldo ronaldo rogerio
  romario rubens severino silvio valter walter wagner alan allan alberto alex alisson amanda ana adriana alessandra
  aline alice aparecida beatriz bianca bruna camila carla carolina catarina cecilia clara claudia cristina cristiane
  daniela debora denise eduarda elaine eliane elisa elizabete fabiana fatima fernanda flavia francisca gabriela
  giovana giovanna helena heloisa iara ingrid isabel isabela isabella ivone jaqueline jessica joana josefa juliana
  julia jussara karina karla kelly larissa laura leticia lucia luciana luana luiza lorena marcia margarida maria
  mariana marina marta michele michelle monica natalia patricia paula priscila raquel rebeca regina renata rita
  roberta rosana rosangela sabrina sandra sara sarah silvia simone sonia sueli suzana tatiana tereza teresa
  valeria vanessa vera viviane yasmin yara vitoria antonia benedita conceicao socorro gloria graca irene ines
  lais livia lavinia manuela melissa nicole olivia pietra rafaela sofia sophia stella valentina rosa madalena
  zenaide zilda neide neusa nilda odete olga celia cleide cleusa dalva dirce edna eunice ivete jurema lurdes
  lourdes marlene marli nair noemi rosilene solange tania vania vilma zuleica ester esther abigail agatha
  agnes aurora barbara carmem carmen celina diana dora elis emilia estela eva gisele glaucia hilda iolanda
  jandira joice judite katia leda lilian marisa mirian miriam nadia nara rute ruth selma sheila telma
  tais thais valdirene zelia josue moises elias isaac jaco jaco abel adao noe ismael ezequiel natan nathan
  benjamin cristiano domingos emanuel fausto feliciano genival gerson hamilton horacio jair jairo januario
  josimar juarez leonidas lindomar lucio marco mauro nilton olavo orlando pablo rui ruy saulo tadeu ulisses
  valdir valdemar vicente wilson yuri zacarias
  ze zeca tiao chico juca dudu nando lu gabi duda manu rafa fe nanda leo gui biel tati carol dani fabi mari lari
  ju malu vivi nina tina re paty kaka bia cida neto junior ju lele dede nene tuca beto betinho toninho zezinho
  joaozinho pedrinho chiquinho quinho nico kiko guto tonho dinho fabinho marquinhos rose rosi cris lia
  mel babi bel isa mila pati lena lene ceci deia dri nat val vick vini jorginho`;

const SURNAMES = `
  silva santos oliveira souza sousa lima pereira ferreira costa rodrigues almeida nascimento alves carvalho araujo
  ribeiro gomes martins rocha barbosa melo mello cardoso correia teixeira dias moreira cavalcanti cavalcante nunes
  mendes freitas vieira azevedo monteiro batista barros pinto moura campos machado castro lopes fernandes ramos
  andrade marques reis farias miranda medeiros tavares coelho aguiar borges santana cunha guimaraes macedo
  nogueira xavier brito siqueira assis fonseca queiroz sales peixoto leite duarte viana matos prado neves porto
  bezerra cruz cabral soares pires goncalves amaral magalhaes pacheco mattos albuquerque figueiredo jesus junior
  filho neto sobrinho`;

export const COMMON_FIRST_NAMES = new Set(FIRST_NAMES.split(/\s+/).filter(Boolean));
export const COMMON_SURNAMES = new Set(SURNAMES.split(/\s+/).filter(Boolean));

export function isKnownNamePart(folded: string): boolean {
  return COMMON_FIRST_NAMES.has(folded) || COMMON_SURNAMES.has(folded);
}
