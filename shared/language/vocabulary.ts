/**
 * Word lists (folded: lowercase, no accents) that the rules share. A word in NOT_A_NAME is never taken for a
 * person's name, whatever its capitalisation; everything else may be, depending on context (contact-name.ts).
 */

function words(text: string): Set<string> {
  return new Set(text.split(/\s+/).filter(Boolean));
}

export const CURRENCY_WORDS = words(
  'rs reais real reias rea conto contos pila pilas pau paus mango mangos pratas brl',
);
export const CENT_WORDS = words('centavos centavo cents cent');

/** Words that introduce a person: "do João", "pro Zé", "para a Maria", "cobrar o Carlos". */
export const PERSON_CUES = words('do da dos das de pro pra pros pras para p ao aos o a com');

/** Stripped before a name and never part of it: "seu Antônio", "dona Cida", "sr. Paulo", "cliente Paulo". */
export const HONORIFICS = words(
  'seu sr sra srta d senhor senhora sinhor dona dom dr dra doutor doutora prof professor professora cliente tia tio',
);

/** Lowercase words allowed inside a name when the name itself is capitalised: "Maria da Silva". */
export const NAME_PARTICLES = words('de da do dos das');

const FUNCTION_WORDS = `o a os as um uma uns umas de do da dos das d em no na nos nas num numa pro pra pros pras para p
  por pelo pela pelos pelas com sem ao aos ate e ou que q se me mim eu voce voces vc vcs tu te ele ela eles elas
  meu minha meus minhas sua suas teu tua esse essa este esta isso isto aquele aquela aqui ali la ai ja so tambem tb
  tbm mais menos muito muita pouco agora ainda entao tipo tudo td todo toda todos todas nada algo alguem ninguem
  qual quais quanto quanta quantos quantas qto qnto quem como onde quando porque pq nao sim n s ok okay blz beleza
  favor pf pfv pls obrigado obrigada obg vlw valeu oi ola opa ei hey eae eai salve bom boa bons boas tarde noite
  manha mesmo certo certa errado errada exato exatamente correto claro fechado perfeito positivo negativo isso
  so apenas tal novo nova outro outra cada algum alguma nenhum nenhuma tanto sobre entre apos antes depois dps
  contra desde sob lhe lhes nele nela dele dela deles delas comigo contigo gente pessoal favor vez vezes via ne
  hein ah ahh eh uai oxe bora vamos enfim so sim nn ss pode podes poderia pfvr plz`;

const VERBS = `cobra cobrar cobre cobro cobrando cobrei cobrem cobrou gera gerar gere gerei gerou emite emitir emita emiti
  manda mandar mande mandei mandou envia enviar envie enviei enviou faz fazer faca fiz fez cria criar crie criei
  tira tirar tire bota botar bote lanca lancar lance lancei solta soltar registra registrar registre anota anotar
  anote agenda agendar coloca colocar poe preciso precisa precisamos quero queria quer gostaria vou vai vamos
  tem tenho temos ter tinha tive teve e eh esta estao ta tao to ser foi foram era sao sou fica ficou ficar deve
  devem devendo deveria devia deu dar da paga pagar pague pagou pagaram paguei pago pagamos pagando pagaria
  recebe receber recebi recebemos recebido recebida recebeu receberam ganhei ganhou ganhamos faturei faturou
  vendi vendemos vendeu vender entrou entraram caiu cairam gastei gastamos gastou gastar comprei compramos comprou
  comprar saiu sairam cancela cancelar cancele cancelei cancelado cancelada desiste desistir desisti desista anula
  anular exclui excluir exclua apaga apagar apague deleta deletar remove remover esquece esquecer esqueca
  confirma confirmo confirmar confirmado confirmada consegue consegues conseguir sabe sabes saber ajuda ajudar
  ajude mostra mostrar mostre ver veja vê lista listar liste diz dizer diga fala falar fale passa passar passe
  vence vencer venceu vencendo vencido vencidos vencida vencidas atrasado atrasados atrasada atrasadas atrasou
  aberto abertos aberta abertas pendente pendentes ignore ignora ignorar segue seguir quitou quitado quitada
  abasteci almocei jantei torrei investi debita debitar credita creditar devolvi devolveu emprestei emprestou
  cadastra cadastrar cadastre chama chamar lembra lembrar lembre avisa avisar avise informa informar informe
  resume resumir gostei acho achei sei entendi entende funciona funcionar usar uso pegar pega peguei`;

const NOUNS = `boleto boletos boletinho cobranca cobrancas valor valores vencimento venc vcto vct data prazo conta contas
  luz agua gas internet telefone celular aluguel condominio mercado supermercado feira padaria farmacia uber taxi
  gasolina combustivel posto almoco janta jantar lanche comida material materiais escritorio venda vendas servico
  servicos clientes fornecedor fornecedores pix dinheiro especie cartao credito debito transferencia ted doc
  deposito nota pedido parcela parcelas pagamento pagamentos situacao status resumo extrato saldo financas
  balanco relatorio gastos gasto despesa despesas receita receitas entrada entradas saida saidas lucro caixa
  previsao tempo chuva clima frete salario imposto impostos mei conserto manutencao peca pecas produto produtos
  estoque mercadoria loja academia escola curso consulta bolo bolos encomenda trabalho obra pedreiro funcionario
  funcionaria empregada diarista motoboy entrega entregas ifood netflix spotify seguro iptu ipva multa juros
  divida dividas emprestimo fatura banco taxa tarifa instrucoes instrucao coisa coisas menu comandos comando
  opcoes funcoes pessoa cara mano amigo amiga vizinho vizinha moco moca numero endereco email nome cpf cnpj
  whatsapp zap mensagem link codigo linha digitavel barras real reais centavos dinheiro recebimento recebimentos
  recebiveis devedores devedor inadimplentes inadimplente fiado fluxo total semana semanas mes meses ano anos dia
  dias hora horas minuto minutos hoje hj amanha ontem anteontem segunda terca quarta quinta sexta sabado domingo
  feira proxima proximo passada passado vem daqui dentro fim final inicio comeco ultimo ultima janeiro fevereiro
  marco abril maio junho julho agosto setembro outubro novembro dezembro jan fev mar abr mai jun jul ago set out nov
  dez assunto ajuda help duvida duvidas suporte pergunta perguntas acesso senha sistema app aplicativo robo bot
  assistente pagina site rua cidade bairro casa apto apartamento sala mesa lote quadra bloco loja empresa
  negocio cliente kg kgs litro litros metro metros unidade unidades un und cx caixas pacote pacotes saco sacos
  cerveja refri pizza pizzas marmita marmitas corte cabelo unha unhas aula aulas mensalidade mensalidades
  assinatura plano planos favor ola ajudinha`;

export const FUNCTION_WORD_SET = words(FUNCTION_WORDS);
export const VERB_SET = words(VERBS);

/** Words of dates and periods: never names, never the noun a quantity counts. */
export const DATE_WORDS = words(
  `hoje hj amanha ontem anteontem depois dps antes semana semanas mes meses ano anos dia dias segunda terca quarta
   quinta sexta sabado domingo feira proxima proximo passada passado vem daqui dentro fim final inicio comeco
   ultimo ultima janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro`,
);

export const NOT_A_NAME = new Set([
  ...FUNCTION_WORD_SET,
  ...VERB_SET,
  ...words(NOUNS),
  ...DATE_WORDS,
  ...CURRENCY_WORDS,
  ...CENT_WORDS,
]);

/** Measures and counted things: a number right before one of these is a quantity, not money. */
export const QUANTITY_UNITS = words(
  `kg kgs g gr grama gramas quilo quilos l lt litro litros ml m metro metros cm km un und unid unidade unidades
   cx caixa caixas pct pacote pacotes saco sacos vezes x parcelas parcela prestacoes prestacao horas hora h hs min
   minutos dias dia semanas semana meses mes anos ano pessoas itens item pecas peca %`,
);

/** Words before a number that make it an identifier, not money: "nota 123", "pedido 45", "apto 12". */
export const IDENTIFIER_CUES = words(
  'nota pedido numero n nº apto apartamento casa sala mesa lote quadra bloco item codigo parcela protocolo',
);
