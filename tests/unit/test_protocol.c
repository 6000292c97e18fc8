/*
** test_protocol.c — the draft protocol (src/lib/protocol.c, template.c):
** the exact Markdown document made from the diff of two small term-base
** versions written here (one definition amended in three languages, one
** concept deleted, one added without an English definition, one given an
** admitted term the annex does not show), in ru, zh and en, entry by entry
** and restating the whole annex, in the same order in every language; the
** comparative table alone; a template of the user's own that lacks sections
** (an error naming it); and the errors: a language without a template, a
** template that is missing, a folder, has text before its first [section] or
** too many sections, an unknown format, each with its exact message. The
** Akoma Ntoso act (protocol_akn.c): its change records and metadata, its date
** (none given: refused, whatever the version of the options), and every
** allocation failing in turn.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One concept of the fixtures, its terms and its definitions. */
#define ENTRY(id, forms, defs)                                                      \
    "<entry xml:id=\"" id "\" type=\"concept\" source=\"#src\">"                     \
    "<usg type=\"status\">in-force</usg><usg type=\"reliability\">1</usg>" forms     \
    "<sense>" defs "</sense></entry>\n"
#define TERM(lang, text, status)                                                                 \
    "<form type=\"term\" xml:lang=\"" lang "\"><orth>" text "</orth><usg type=\"status\">" status \
    "</usg></form>"
#define TERMS(ru, zh, en)                                                           \
    TERM("ru", ru, "preferred") TERM("zh", zh, "preferred") TERM("en", en, "preferred")
#define DEF(lang, text) "<def xml:lang=\"" lang "\" source=\"#src\">" text "</def>"

#define SECURITY_TERMS TERMS("информационная безопасность", "信息安全", "information security")
#define SECURITY_DEFS                                                                            \
    DEF("ru", "состояние защищенности личности, общества и государства")                        \
    DEF("zh", "个人、社会和国家受保护的状态")                                                   \
    DEF("en", "a state in which the individual, society and the State are protected")
#define WEAPON_TERMS TERMS("информационное оружие", "信息武器", "information weapon")

static const char old_xml[] =
    TH_TEI_HEAD
    ENTRY("information-security", SECURITY_TERMS, SECURITY_DEFS)
    ENTRY("information-weapon", WEAPON_TERMS,
          DEF("ru", "информационные технологии, средства и методы")
          DEF("zh", "信息技术、手段和方法")
          DEF("en", "information technologies, means and methods"))
    ENTRY("information-war", TERMS("информационная война", "信息战", "information war"),
          DEF("ru", "противоборство государств в информационном пространстве")
          DEF("zh", "国家在信息空间中的对抗")
          DEF("en", "confrontation between States in the information space"))
    TH_TEI_TAIL;

static const char new_xml[] =
    TH_TEI_HEAD
    ENTRY("information-security", SECURITY_TERMS TERM("ru", "ИБ", "admitted"), SECURITY_DEFS)
    ENTRY("information-weapon", WEAPON_TERMS,
          DEF("ru", "информационные и коммуникационные технологии, средства и методы")
          DEF("zh", "信息通信技术、手段和方法")
          DEF("en", "information and communications technologies, means and methods"))
    ENTRY("computer-attack", TERMS("компьютерная атака", "计算机攻击", "computer attack"),
          DEF("ru", "целенаправленное воздействие на информационные системы")
          DEF("zh", "对信息系统的蓄意影响"))
    TH_TEI_TAIL;

static char *dir;
static glossa_diff *diff;

static int setup(void **state)
{
    const char *old_in[1], *new_in[1];
    char old_path[4096], new_path[4096];
    glossa_error err;
    if (th_global_setup(state))
        return -1;
    dir = th_mkdtemp();
    snprintf(old_path, sizeof old_path, "%s", th_path(dir, "old.xml"));
    snprintf(new_path, sizeof new_path, "%s", th_path(dir, "new.xml"));
    th_write(old_path, old_xml);
    th_write(new_path, new_xml);
    old_in[0] = old_path;
    new_in[0] = new_path;
    if (glossa_diff_new(&diff, old_in, 1, new_in, 1, NULL, &err)) {
        fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.msg);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    glossa_diff_free(diff);
    th_rmdir(dir);
    return th_global_teardown(state);
}

/* Render with opts; the document must be want, byte for byte. */
static void expect_doc(const glossa_protocol_opts *opts, const char *want)
{
    char *out = NULL;
    size_t len = 0;
    glossa_error err;
    int rc = glossa_protocol_render(diff, opts, &out, &len, &err);
    if (rc)
        fail_msg("render failed: %s:%ld: %s", err.file, err.line, err.msg);
    assert_int_equal(len, strlen(out));
    assert_string_equal(out, want);
    glossa_free(out);
}

/* Render with opts must fail with code, and err must say file:line: msg. */
static void expect_error(const glossa_protocol_opts *opts, int code, const char *file, long line,
                         const char *msg)
{
    char *out = NULL;
    size_t len = 0;
    glossa_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(glossa_protocol_render(diff, opts, &out, &len, &err), code);
    assert_null(out);
    assert_int_equal(err.code, code);
    assert_string_equal(err.file, file);
    assert_int_equal(err.line, line);
    assert_string_equal(err.msg, msg);
}

static void render(const char *lang, int whole, const char *want)
{
    glossa_protocol_opts opts = GLOSSA_PROTOCOL_OPTS_INIT;
    opts.lang = lang;
    opts.whole = whole;
    expect_doc(&opts, want);
}

#define RU_PREAMBLE \
    "Правительства государств-членов Шанхайской организации сотрудничества, далее именуемые " \
    "Сторонами,\n" \
    "\n" \
    "руководствуясь статьей 12 Соглашения между правительствами государств-членов Шанхайской " \
    "организации сотрудничества о сотрудничестве в области обеспечения международной " \
    "информационной безопасности от 16 июня 2009 года (далее — Соглашение),\n" \
    "\n" \
    "согласились о нижеследующем:\n" \
    "\n" \
    "## Статья 1\n" \
    "\n"

#define RU_FINAL \
    "## Статья 2\n" \
    "\n" \
    "Настоящий Протокол является неотъемлемой частью Соглашения и вступает в силу на тридцатый " \
    "день с даты получения депозитарием последнего письменного уведомления о выполнении Сторонами " \
    "внутригосударственных процедур, необходимых для его вступления в силу.\n" \
    "\n" \
    "## Статья 3\n" \
    "\n" \
    "Депозитарием настоящего Протокола является Секретариат Шанхайской организации сотрудничества, " \
    "который в течение 15 дней с даты его подписания направит Сторонам его заверенные копии.\n" \
    "\n" \
    "Совершено в городе \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ «\\_\\_\\_» " \
    "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ 20\\_\\_ года в одном подлинном экземпляре на русском и " \
    "китайском языках, причем оба текста имеют одинаковую силу.\n" \
    "\n" \
    "За Правительство Республики Казахстан\n" \
    "\n" \
    "За Правительство Китайской Народной Республики\n" \
    "\n" \
    "За Правительство Кыргызской Республики\n" \
    "\n" \
    "За Правительство Российской Федерации\n" \
    "\n" \
    "За Правительство Республики Таджикистан\n" \
    "\n" \
    "За Правительство Республики Узбекистан\n" \
    "\n" \
    "*Перечислены правительства шести государств, подписавших Соглашение в 2009 году. " \
    "Присоединение к Соглашению Индии, Пакистана, Ирана и Беларуси не проверено: перечень Сторон " \
    "подлежит сверке.*\n" \
    "\n" \
    "## Примечания для составителей (в текст Протокола не входят):\n" \
    "\n" \
    "*1. Номер статьи Соглашения о порядке внесения изменений (статья 12) не сверен с официальным " \
    "текстом.*\n" \
    "\n" \
    "*2. Формулировки понятий приложения 1 взяты из базы терминов glossa; понятия с надёжностью 1 " \
    "являются реконструкцией и не сверены с официальным текстом Соглашения.*\n" \
    "\n" \
    "*3. Перечень Сторон и формула вступления в силу подлежат согласованию.*\n" \
    "\n"

#define ZH_PREAMBLE \
    "上海合作组织成员国政府（以下简称“各方”），\n" \
    "\n" \
    "根据二〇〇九年六月十六日签署的《上海合作组织成员国保障国际信息安全政府间合作协定》（以下简称“协定”）第十二条的规定，\n" \
    "\n" \
    "商定如下：\n" \
    "\n" \
    "## 第一条\n" \
    "\n"

#define ZH_FINAL \
    "## 第二条\n" \
    "\n" \
    "本议定书是《协定》不可分割的组成部分，自保存机构收到各方最后一份关于完成使本议定书生效所必需的国内程序的书面通知之日起第三十天生效。\n" \
    "\n" \
    "## 第三条\n" \
    "\n" \
    "本议定书的保存机构为上海合作组织秘书处，保存机构在本议定书签署后十五日内将核证无误的副本送各方。\n" \
    "\n" \
    "本议定书于\\_\\_\\_\\_年\\_\\_月\\_\\_日在\\_\\_\\_\\_签署，正本一式一份，分别用中文和俄文书就，两种文本同等作准。\n" \
    "\n" \
    "哈萨克斯坦共和国政府代表\n" \
    "\n" \
    "中华人民共和国政府代表\n" \
    "\n" \
    "吉尔吉斯共和国政府代表\n" \
    "\n" \
    "俄罗斯联邦政府代表\n" \
    "\n" \
    "塔吉克斯坦共和国政府代表\n" \
    "\n" \
    "乌兹别克斯坦共和国政府代表\n" \
    "\n" \
    "*以上为二〇〇九年签署《协定》的六国政府。印度、巴基斯坦、伊朗、白俄罗斯是否已加入《协定》尚未核实，缔约方名单有待核对。*\n" \
    "\n" \
    "## 起草说明（不属于议定书正文）：\n" \
    "\n" \
    "*一、《协定》关于修改程序的条款编号（第十二条）未与正式文本核对。*\n" \
    "\n" \
    "*二、附件1各概念的措辞取自glossa术语库；可靠性为1的概念系重构文本，未与《协定》正式文本核对。*\n" \
    "\n" \
    "*三、缔约方名单及生效条款有待商定。*\n" \
    "\n"

#define EN_PREAMBLE \
    "The Governments of the Member States of the Shanghai Cooperation Organization, hereinafter " \
    "referred to as the Parties,\n" \
    "\n" \
    "in accordance with Article 12 of the Agreement between the Governments of the Member States " \
    "of the Shanghai Cooperation Organization on Cooperation in the Field of Ensuring " \
    "International Information Security of 16 June 2009 (hereinafter referred to as the " \
    "Agreement),\n" \
    "\n" \
    "have agreed as follows:\n" \
    "\n" \
    "## Article 1\n" \
    "\n"

#define EN_FINAL \
    "## Article 2\n" \
    "\n" \
    "This Protocol shall be an integral part of the Agreement and shall enter into force on the " \
    "thirtieth day from the date of receipt by the depositary of the last written notification of " \
    "the completion by the Parties of the internal procedures necessary for its entry into force.\n" \
    "\n" \
    "## Article 3\n" \
    "\n" \
    "The depositary of this Protocol shall be the Secretariat of the Shanghai Cooperation " \
    "Organization, which shall send certified copies of it to the Parties within 15 days from the " \
    "date of its signature.\n" \
    "\n" \
    "Done at \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ on \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ 20\\_\\_ " \
    "in one original copy in the Russian and Chinese languages, both texts being equally " \
    "authentic.\n" \
    "\n" \
    "For the Government of the Republic of Kazakhstan\n" \
    "\n" \
    "For the Government of the People's Republic of China\n" \
    "\n" \
    "For the Government of the Kyrgyz Republic\n" \
    "\n" \
    "For the Government of the Russian Federation\n" \
    "\n" \
    "For the Government of the Republic of Tajikistan\n" \
    "\n" \
    "For the Government of the Republic of Uzbekistan\n" \
    "\n" \
    "*Listed are the Governments of the six States that signed the Agreement in 2009. Whether " \
    "India, Pakistan, Iran and Belarus have acceded to the Agreement has not been verified: the " \
    "list of Parties is to be checked.*\n" \
    "\n" \
    "## Notes for the drafters (not part of the text of the Protocol):\n" \
    "\n" \
    "*1. The number of the Agreement's article on amendments (Article 12) has not been checked " \
    "against the official text.*\n" \
    "\n" \
    "*2. The wording of the annex 1 terms comes from the glossa term base; terms with reliability " \
    "1 are reconstructions not checked against the official text of the Agreement.*\n" \
    "\n" \
    "*3. The list of Parties and the entry-into-force formula are to be agreed.*\n" \
    "\n"

/* ---- Russian ------------------------------------------------------------------------- */

static void test_protocol__ru(void **state)
{
    (void)state;
    /* entry by entry */
    render("ru", 0,
           "*ПРОЕКТ*\n"
           "\n"
           "# ПРОТОКОЛ\n"
           "\n"
           "**о внесении изменений и дополнений в Соглашение между правительствами "
           "государств-членов Шанхайской организации сотрудничества о сотрудничестве в области "
           "обеспечения международной информационной безопасности от 16 июня 2009 года**\n"
           "\n"
           RU_PREAMBLE
           "Внести в приложение 1 к Соглашению «Перечень основных понятий в сфере обеспечения "
           "международной информационной безопасности» следующие изменения и дополнения:\n"
           "\n"
           "а) понятие «информационное оружие» изложить в следующей редакции:\n"
           "\n"
           "> «„информационное оружие“ — информационные и коммуникационные технологии, средства и "
           "методы»;\n"
           "\n"
           "б) дополнить в конце перечня понятием следующего содержания:\n"
           "\n"
           "> «„компьютерная атака“ — целенаправленное воздействие на информационные системы»;\n"
           "\n"
           "в) понятие «информационная война» исключить.\n"
           "\n"
           RU_FINAL);
    /* the whole annex restated */
    render("ru", 1,
           "*ПРОЕКТ*\n"
           "\n"
           "# ПРОТОКОЛ\n"
           "\n"
           "**о внесении изменения в Соглашение между правительствами государств-членов Шанхайской "
           "организации сотрудничества о сотрудничестве в области обеспечения международной "
           "информационной безопасности от 16 июня 2009 года**\n"
           "\n"
           RU_PREAMBLE
           "Текст приложения 1 к Соглашению «Перечень основных понятий в сфере обеспечения "
           "международной информационной безопасности» изложить в следующей редакции:\n"
           "\n"
           "> «„информационная безопасность“ — состояние защищенности личности, общества и "
           "государства;\n"
           "\n"
           "> „информационное оружие“ — информационные и коммуникационные технологии, средства и "
           "методы;\n"
           "\n"
           "> „компьютерная атака“ — целенаправленное воздействие на информационные системы».\n"
           "\n"
           RU_FINAL);
}

/* ---- Chinese ------------------------------------------------------------------------- */

static void test_protocol__zh(void **state)
{
    (void)state;
    /* entry by entry */
    render("zh", 0,
           "*草案*\n"
           "\n"
           "# 关于修改二〇〇九年六月十六日签署的《上海合作组织成员国保障国际信息安全政府间合作协定》的议定书\n"
           "\n"
           ZH_PREAMBLE
           "对《协定》附件1《保障国际信息安全领域基本概念清单》作如下修改和补充：\n"
           "\n"
           "（一）“信息武器”概念应表述为：\n"
           "\n"
           "> “‘信息武器’——信息通信技术、手段和方法”；\n"
           "\n"
           "（二）在清单末尾增加以下概念：\n"
           "\n"
           "> “‘计算机攻击’——对信息系统的蓄意影响”；\n"
           "\n"
           "（三）删除“信息战”概念。\n"
           "\n"
           ZH_FINAL);
    /* the whole annex restated */
    render("zh", 1,
           "*草案*\n"
           "\n"
           "# 关于修改二〇〇九年六月十六日签署的《上海合作组织成员国保障国际信息安全政府间合作协定》的议定书\n"
           "\n"
           ZH_PREAMBLE
           "《协定》附件1《保障国际信息安全领域基本概念清单》应表述为：\n"
           "\n"
           "> “‘信息安全’——个人、社会和国家受保护的状态；\n"
           "\n"
           "> ‘信息武器’——信息通信技术、手段和方法；\n"
           "\n"
           "> ‘计算机攻击’——对信息系统的蓄意影响”。\n"
           "\n"
           ZH_FINAL);
}

/* the draft mark, the unofficial-translation mark and the title of the English text */
#define EN_HEAD \
    "*DRAFT*\n" \
    "\n" \
    "*Unofficial translation. English is not an authentic language of the Agreement: only " \
    "the Russian and Chinese texts are authentic. This text is a working translation for " \
    "the drafters.*\n" \
    "\n" \
    "# PROTOCOL\n" \
    "\n"

/* ---- English ------------------------------------------------------------------------- */

static void test_protocol__en(void **state)
{
    (void)state;
    /* entry by entry */
    render("en", 0,
           EN_HEAD
           "**on Amendments and Additions to the Agreement between the Governments of the Member "
           "States of the Shanghai Cooperation Organization on Cooperation in the Field of "
           "Ensuring International Information Security of 16 June 2009**\n"
           "\n"
           EN_PREAMBLE
           "Annex 1 to the Agreement, \"List of Basic Terms in the Field of Ensuring International "
           "Information Security\", shall be amended and supplemented as follows:\n"
           "\n"
           "(a) the term \"information weapon\" shall be worded as follows:\n"
           "\n"
           "> \"'information weapon' means information and communications technologies, means and "
           "methods\";\n"
           "\n"
           "(b) the following term shall be added at the end of the list:\n"
           "\n"
           "> \"'computer attack' means \\[no English working translation of this definition in "
           "the term base: see the Russian and Chinese texts\\]\";\n"
           "\n"
           "(c) the term \"information war\" shall be deleted.\n"
           "\n"
           EN_FINAL);
    /* the whole annex restated */
    render("en", 1,
           EN_HEAD
           "**on an Amendment to the Agreement between the Governments of the Member States of the "
           "Shanghai Cooperation Organization on Cooperation in the Field of Ensuring "
           "International Information Security of 16 June 2009**\n"
           "\n"
           EN_PREAMBLE
           "The text of Annex 1 to the Agreement, \"List of Basic Terms in the Field of Ensuring "
           "International Information Security\", shall be worded as follows:\n"
           "\n"
           "> \"'information security' means a state in which the individual, society and the "
           "State are protected;\n"
           "\n"
           "> 'information weapon' means information and communications technologies, means and "
           "methods;\n"
           "\n"
           "> 'computer attack' means \\[no English working translation of this definition in the "
           "term base: see the Russian and Chinese texts\\]\".\n"
           "\n"
           EN_FINAL);
}

/* ---- the comparative table alone, a template of one's own -------------------------- */

static void test_protocol__table_only(void **state)
{
    glossa_protocol_opts opts = GLOSSA_PROTOCOL_OPTS_INIT;
    (void)state;
    opts.lang = "en";
    opts.table_only = 1;
    expect_doc(&opts,
               "*DRAFT*\n"
               "\n"
               "*Unofficial translation. English is not an authentic language of the Agreement: "
               "only the Russian and Chinese texts are authentic. This text is a working "
               "translation for the drafters.*\n"
               "\n"
               "## Comparative table of the amendments to Annex 1 to the Agreement\n"
               "\n"
               "| Current wording | Proposed wording |\n"
               "|---|---|\n"
               "| (a) \\[NOT VERIFIED: reconstruction, reliability 1\\] \"information weapon\" "
               "means information technologies, means and methods; | \"information weapon\" means "
               "information **and communications** technologies, means and methods; |\n"
               "| (b) (no such term) | **\"computer attack\" means \\[no English working "
               "translation of this definition in the term base: see the Russian and Chinese "
               "texts\\];** |\n"
               "| (c) \\[NOT VERIFIED: reconstruction, reliability 1\\] ~~\"information war\" "
               "means confrontation between States in the information space;~~ | (term deleted) |\n"
               "\n"
               "*The current wording of the terms marked NOT VERIFIED is a reconstruction not "
               "checked against the official text of the Agreement (reliability 1); it is not "
               "treaty text. The two versions of the term base compared do not record the "
               "proposing State, and record a rationale only where the new entry carries one: see "
               "the proposals of the member States.*\n"
               "\n"
               "## Notes for the drafters (not part of the text of the Protocol):\n"
               "\n"
               "*1. The number of the Agreement's article on amendments (Article 12) has not been "
               "checked against the official text.*\n"
               "\n"
               "*2. The wording of the annex 1 terms comes from the glossa term base; terms with "
               "reliability 1 are reconstructions not checked against the official text of the "
               "Agreement.*\n"
               "\n"
               "*3. The list of Parties and the entry-into-force formula are to be agreed.*\n"
               "\n");
}

static void test_protocol__own_template(void **state)
{
    glossa_protocol_opts opts = GLOSSA_PROTOCOL_OPTS_INIT;
    const char *tpl = th_path(dir, "own.tmpl");
    (void)state;
    th_write(tpl, "# a comment before the first section\n"
                  "[draft]\nDraft\n"
                  "[title]\nAMENDMENTS\n"
                  "[entries.intro]\nThe list is amended:\n"
                  "[article]\n\nPart {n} {unknown}\n\n"
                  "[numbers]\nI II\n"
                  "[entries.add]\n{item}. add:\n"
                  "[entries.replace]\n{item}. reword \"{term}\":\n"
                  "[entries.delete]\n{item}. delete \"{term}\";\n"
                  "[entry.quoted]\n{term}: {definition};\n"
                  "[entry.missing]\n(none)\n"
                  "[items]\nx y\n"
                  "[signatures]\nFor A\nFor B\n");
    opts.lang = "en";
    opts.template_path = tpl;
    /* a template without a section the protocol needs is an error naming the
    ** file and the section (it rendered "**" and empty headings) */
    expect_error(&opts, GLOSSA_EINPUT, tpl, 0,
                 "the template has no [subtitle] section (every section of the built-in "
                 "template is needed except [numbers] and [unofficial])");
}

/* ---- errors ------------------------------------------------------------------------- */

static void test_protocol__errors(void **state)
{
    glossa_protocol_opts opts = GLOSSA_PROTOCOL_OPTS_INIT;
    char many[4096];
    size_t i, n = 0;
    (void)state;

    opts.lang = "fr";
    expect_error(&opts, GLOSSA_EINPUT, "", 0,
                 "no protocol template for language 'fr' (ru, zh or en)");
    opts.lang = "kk";
    expect_error(&opts, GLOSSA_EINPUT, "", 0,
                 "no protocol template for language 'kk' (ru, zh or en)");

    opts.lang = "en";
    opts.template_path = th_path(dir, "absent.tmpl");
    expect_error(&opts, GLOSSA_ENOTFOUND, th_path(dir, "absent.tmpl"), 0,
                 "cannot open: No such file or directory");
    opts.template_path = dir;
    expect_error(&opts, GLOSSA_EIO, dir, 0, "is a directory, not a file");

    th_write(th_path(dir, "before.tmpl"), "# comment\n\ntext\n[title]\nT\n");
    opts.template_path = th_path(dir, "before.tmpl");
    expect_error(&opts, GLOSSA_EINPUT, th_path(dir, "before.tmpl"), 3,
                 "text before the first [section]");

    for (i = 0; i < 65; i++)
        n += (size_t)snprintf(many + n, sizeof many - n, "[s%zu]\nv\n", i);
    th_write(th_path(dir, "many.tmpl"), many);
    opts.template_path = th_path(dir, "many.tmpl");
    expect_error(&opts, GLOSSA_EINPUT, th_path(dir, "many.tmpl"), 129, "too many sections");

    opts.template_path = NULL;
    opts.format = (glossa_doc_format)7;
    expect_error(&opts, GLOSSA_EINPUT, "", 0, "unknown format");
}

/* An Akoma Ntoso act: s must hold each of the NULL-terminated pieces. */
static void expect_akn(const glossa_protocol_opts *opts, ...)
{
    char *out = NULL;
    size_t len = 0;
    glossa_error err;
    const char *piece;
    va_list ap;
    if (glossa_protocol_render(diff, opts, &out, &len, &err))
        fail_msg("render failed: %s", err.msg);
    assert_int_equal(len, strlen(out));
    va_start(ap, opts);
    while ((piece = va_arg(ap, const char *)) != NULL)
        if (!strstr(out, piece))
            fail_msg("the act lacks %s:\n%s", piece, out);
    va_end(ap);
    glossa_free(out);
}

static void test_protocol__akn(void **state)
{
    glossa_protocol_opts opts = GLOSSA_PROTOCOL_OPTS_INIT;
    char *out;
    size_t len;
    glossa_error err;
    unsigned long n;
    (void)state;

    opts.format = GLOSSA_FORMAT_AKN;
    opts.date = "2026-12-07";
    expect_akn(&opts,
               "<textualMod type=\"substitution\" eId=\"amod_information-weapon\" "
               "wId=\"amod_information-weapon\">\n"
               "          <source href=\"#art_1__point_information-weapon__mod_1\"/>\n"
               "          <destination href=\"/akn/int/act/2009-06-16/sco-iis/!annex_1"
               "#list_1__item_information-weapon\"/>\n"
               "          <old href=\"#art_1__point_information-weapon__mod_1__qtext_old\"/>\n"
               "          <new href=\"#art_1__point_information-weapon__mod_1__qtext_new\"/>\n",
               "<textualMod type=\"repeal\" eId=\"amod_information-war\"",
               "<textualMod type=\"insertion\" eId=\"amod_computer-attack\"",
               "#list_1\" pos=\"end\"/>",
               "<FRBRauthoritative value=\"true\"/>\n        <FRBRlanguage language=\"rus\"/>",
               "<FRBRdate date=\"2026-12-07\" name=\"draft\"/>",
               "<num>а)</num>", (const char *)NULL);
    opts.lang = "en";
    expect_akn(&opts, "<FRBRauthoritative value=\"false\"/>",
               "<FRBRtranslation href=\"/akn/int/act/2026-12-07/sco-iis-protocol-annex-1/"
               "zho@2026-12-07\" fromLanguage=\"zho\" by=\"#glossa\"/>",
               "<p class=\"unofficial\">Unofficial translation.", (const char *)NULL);

    /* no date: refused, also from a caller of version 2 (no date field) */
    unsetenv("SOURCE_DATE_EPOCH");
    opts.date = NULL;
    expect_error(&opts, GLOSSA_EINPUT, "", 0,
                 "an Akoma Ntoso act is dated: give the draft's date (--date YYYY-MM-DD) or set "
                 "SOURCE_DATE_EPOCH; glossa does not date a document by its clock");
    opts.version = 2;
    expect_error(&opts, GLOSSA_EINPUT, "", 0,
                 "an Akoma Ntoso act is dated: give the draft's date (--date YYYY-MM-DD) or set "
                 "SOURCE_DATE_EPOCH; glossa does not date a document by its clock");
    setenv("SOURCE_DATE_EPOCH", "1765000000", 1);
    expect_akn(&opts, "<FRBRdate date=\"2025-12-06\" name=\"draft\"/>", (const char *)NULL);
    unsetenv("SOURCE_DATE_EPOCH");
    opts.version = GLOSSA_PROTOCOL_OPTS_VERSION;

    /* every allocation failing in turn: ENOMEM, nothing handed out */
    opts.lang = "zh";
    opts.date = "2026-12-07";
    for (n = 1;; n++) {
        out = NULL;
        glossa__alloc_fail_after(n, 0);
        int rc = glossa_protocol_render(diff, &opts, &out, &len, &err);
        glossa__alloc_fail_after(0, 0);
        if (!rc) {
            glossa_free(out);
            break;
        }
        assert_int_equal(rc, GLOSSA_ENOMEM);
        assert_null(out);
    }
    assert_true(n > 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_protocol__ru),
        cmocka_unit_test(test_protocol__zh),
        cmocka_unit_test(test_protocol__en),
        cmocka_unit_test(test_protocol__table_only),
        cmocka_unit_test(test_protocol__own_template),
        cmocka_unit_test(test_protocol__errors),
        cmocka_unit_test(test_protocol__akn),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
