// Generated from the enums of the official RDA DCS 1.2 JSON Schema (CC0) and the ISO 639 aliases of
// the reference list languages-common.json (see data/NOTICE.md). Regenerate rather than edit by hand.

/** The 185 ISO 639-3 codes the DCS schemas accept for `language`. */
export const dcsLanguages: ReadonlySet<string> = new Set(
  [
    "aar abk afr aka amh ara arg asm ava ave aym aze bak bam bel ben bih bis bod bos bre bul cat ces",
    "cha che chu chv cor cos cre cym dan deu div dzo ell eng epo est eus ewe fao fas fij fin fra fry",
    "ful gla gle glg glv grn guj hat hau hbs heb her hin hmo hrv hun hye ibo ido iii iku ile ina ind",
    "ipk isl ita jav jpn kal kan kas kat kau kaz khm kik kin kir kom kon kor kua kur lao lat lav lim",
    "lin lit ltz lub lug mah mal mar mkd mlg mlt mon mri msa mya nau nav nbl nde ndo nep nld nno nob",
    "nor nya oci oji ori orm oss pan pli pol por pus que roh ron run rus sag san sin slk slv sme smo",
    "sna snd som sot spa sqi srd srp ssw sun swa swe tah tam tat tel tgk tgl tha tir ton tsn tso tuk",
    "tur twi uig ukr urd uzb ven vie vol wln wol xho yid yor zha zho zul",
  ]
    .join(" ")
    .split(" "),
);

/** ISO 639-1 and ISO 639-2/B codes, English and French names (lower case) → ISO 639-3 code. */
export const languageAliases: ReadonlyMap<string, string> = new Map(
  [
    "aa=aar afar=aar ab=abk abkhazian=abk abkhaze=abk af=afr afrikaans=afr ak=aka akan=twi am=amh",
    "amharic=amh amharique=amh ar=ara arabic=ara arabe=ara an=arg aragonese=arg aragonais=arg as=asm",
    "assamese=asm assamais=asm av=ava avaric=ava avar=ava ae=ave avestan=ave avestique=ave ay=aym",
    "aymara=aym az=aze azerbaijani=aze azerbaïdjanais=aze ba=bak bashkir=bak bachkir=bak bm=bam",
    "bambara=bam be=bel belarusian=bel biélorusse=bel bn=ben bengali=ben bhodjpouri=bih bi=bis",
    "bislama=bis bichelamar=bis bo=bod tib=bod tibetan=bod tibétain=bod bs=bos bosnian=bos",
    "bosniaque=bos br=bre breton=bre bg=bul bulgarian=bul bulgare=bul ca=cat catalan=cat cs=ces",
    "cze=ces czech=ces tchèque=ces ch=cha chamorro=cha ce=che chechen=che tchétchène=che cu=chu",
    "church_slavic=chu slavon_d’église=chu cv=chv chuvash=chv tchouvache=chv kw=cor cornish=cor",
    "cornique=cor co=cos corsican=cos corse=cos cr=cre cree=cre cy=cym wel=cym welsh=cym gallois=cym",
    "da=dan danish=dan danois=dan de=deu ger=deu german=deu allemand=deu dv=div dhivehi=div",
    "maldivien=div dz=dzo dzongkha=dzo el=ell gre=ell modern_greek_(1453-)=ell grec=ell en=eng",
    "english=eng anglais=eng eo=epo esperanto=epo espéranto=epo et=est estonian=est estonien=est",
    "eu=eus baq=eus basque=eus ee=ewe éwé=ewe fo=fao faroese=fao féroïen=fao fa=fas per=fas",
    "persian=fas persan=fas fj=fij fijian=fij fidjien=fij fi=fin finnish=fin finnois=fin fr=fra",
    "fre=fra french=fra français=fra fy=fry western_frisian=fry frison_occidental=fry ff=ful",
    "fulah=ful peul=ful gd=gla scottish_gaelic=gla gaélique_écossais=gla ga=gle irish=gle",
    "irlandais=gle gl=glg galician=glg galicien=glg gv=glv manx=glv mannois=glv gn=grn guarani=grn",
    "gu=guj gujarati=guj goudjarati=guj ht=hat haitian=hat créole_haïtien=hat ha=hau hausa=hau",
    "haoussa=hau sh=hbs serbo-croatian=hbs serbe_(latin)=hbs he=heb hebrew=heb hébreu=heb hz=her",
    "herero=her héréro=her hi=hin hindi=hin ho=hmo hiri_motu=hmo hr=hrv croatian=hrv croate=hrv",
    "hu=hun hungarian=hun hongrois=hun hy=hye arm=hye armenian=hye arménien=hye ig=ibo igbo=ibo",
    "io=ido ii=iii sichuan_yi=iii yi_du_sichuan=iii iu=iku inuktitut=iku ie=ile interlingue=ile",
    "ia=ina interlingua_(international_auxiliary_language_association)=ina interlingua=ina id=ind",
    "indonesian=ind indonésien=ind ik=ipk inupiaq=ipk is=isl ice=isl icelandic=isl islandais=isl",
    "it=ita italian=ita italien=ita jv=jav javanese=jav javanais=jav ja=jpn japanese=jpn",
    "japonais=jpn kl=kal kalaallisut=kal groenlandais=kal kn=kan kannada=kan ks=kas kashmiri=kas",
    "cachemiri=kas ka=kat geo=kat georgian=kat géorgien=kat kr=kau kanuri=kau kanouri=kau kk=kaz",
    "kazakh=kaz km=khm khmer=khm ki=kik kikuyu=kik rw=kin kinyarwanda=kin ky=kir kirghiz=kir",
    "kirghize=kir kv=kom komi=kom kg=kon kongo=kon kikongo=kon ko=kor korean=kor coréen=kor kj=kua",
    "kuanyama=kua ku=kur kurdish=kur kurde=kur lo=lao la=lat latin=lat lv=lav latvian=lav letton=lav",
    "li=lim limburgan=lim limbourgeois=lim ln=lin lingala=lin lt=lit lithuanian=lit lituanien=lit",
    "lb=ltz luxembourgish=ltz luxembourgeois=ltz lu=lub luba-katanga=lub luba-katanga_(kiluba)=lub",
    "lg=lug ganda=lug mh=mah marshallese=mah marshallais=mah ml=mal malayalam=mal mr=mar marathi=mar",
    "mk=mkd mac=mkd macedonian=mkd macédonien=mkd mg=mlg malagasy=mlg malgache=mlg mt=mlt",
    "maltese=mlt maltais=mlt mn=mon mongolian=mon mongol=mon mi=mri mao=mri maori=mri ms=msa may=msa",
    "malay_(macrolanguage)=msa malais=msa my=mya bur=mya burmese=mya birman=mya na=nau nauru=nau",
    "nauruan=nau nv=nav navajo=nav nr=nbl south_ndebele=nbl ndébélé_du_sud=nbl nd=nde",
    "north_ndebele=nde ndébélé_du_nord=nde ng=ndo ndonga=ndo ne=nep nepali_(macrolanguage)=nep",
    "népalais=nep nl=nld dut=nld dutch=nld néerlandais=nld nn=nno norwegian_nynorsk=nno",
    "norvégien_nynorsk=nno nb=nob norwegian_bokmål=nob norvégien_bokmål=nob no=nor norwegian=nor",
    "norvégien=nor ny=nya nyanja=nya chewa=nya oc=oci occitan_(post_1500)=oci occitan=oci oj=oji",
    "ojibwa=oji or=ori oriya_(macrolanguage)=ori odia=ori om=orm oromo=orm os=oss ossetian=oss",
    "ossète=oss pa=pan panjabi=pan pendjabi=pan pi=pli pali=pli pl=pol polish=pol polonais=pol",
    "pt=por portuguese=por portugais=por ps=pus pushto=pus pachto=pus qu=que quechua=que rm=roh",
    "romansh=roh romanche=roh ro=ron rum=ron romanian=ron roumain=ron rn=run rundi=run roundi=run",
    "ru=rus russian=rus russe=rus sg=sag sango=sag sa=san sanskrit=san si=sin sinhala=sin",
    "cingalais=sin sk=slk slo=slk slovak=slk slovaque=slk sl=slv slovenian=slv slovène=slv se=sme",
    "northern_sami=sme same_du_nord=sme sm=smo samoan=smo sn=sna shona=sna sd=snd sindhi=snd so=som",
    "somali=som st=sot southern_sotho=sot sotho_du_sud=sot es=spa spanish=spa espagnol=spa sq=sqi",
    "alb=sqi albanian=sqi albanais=sqi sc=srd sardinian=srd sarde=srd sr=srp serbian=srp serbe=srp",
    "ss=ssw swati=ssw su=sun sundanese=sun soundanais=sun sw=swa swahili_(macrolanguage)=swa",
    "swahili=swa sv=swe swedish=swe suédois=swe ty=tah tahitian=tah tahitien=tah ta=tam tamil=tam",
    "tamoul=tam tt=tat tatar=tat te=tel telugu=tel télougou=tel tg=tgk tajik=tgk tadjik=tgk tl=tgl",
    "tagalog=tgl filipino=tgl th=tha thai=tha thaï=tha ti=tir tigrinya=tir tigrigna=tir to=ton",
    "tonga_(tonga_islands)=ton tongien=ton tn=tsn tswana=tsn ts=tso tsonga=tso tk=tuk turkmen=tuk",
    "turkmène=tuk tr=tur turkish=tur turc=tur tw=twi ug=uig uighur=uig ouïghour=uig uk=ukr",
    "ukrainian=ukr ukrainien=ukr ur=urd urdu=urd ourdou=urd uz=uzb uzbek=uzb ouzbek=uzb ve=ven",
    "venda=ven vi=vie vietnamese=vie vietnamien=vie vo=vol volapük=vol wa=wln walloon=wln wallon=wln",
    "wo=wol wolof=wol xh=xho xhosa=xho yi=yid yiddish=yid yo=yor yoruba=yor za=zha zhuang=zha zh=zho",
    "chi=zho chinese=zho chinois=zho zu=zul zulu=zul zoulou=zul",
  ]
    .join(" ")
    .split(" ")
    .map((pair) => {
      const [alias = "", code = ""] = pair.split("=");
      return [alias.replaceAll("_", " "), code];
    }),
);

/** ISO 4217 currency codes of the schema. */
export const dcsCurrencies: ReadonlySet<string> = new Set(
  [
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN",
    "BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL",
    "GGP GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS IMP INR IQD IRR ISK JEP JMD JOD JPY KES",
    "KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR",
    "MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR",
    "SBD SCR SDG SEK SGD SHP SLL SOS SPL* SRD STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TVD TWD",
    "TZS UAH UGX USD UYU UZS VEF VND VUV WST XAF XCD XDR XOF XPF YER ZAR ZMW ZWD",
  ]
    .join(" ")
    .split(" "),
);

/** ISO 3166-1 alpha-2 country codes of the schema (`host.geo_location`). */
export const dcsCountries: ReadonlySet<string> = new Set(
  [
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS",
    "BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE",
    "EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM",
    "HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC",
    "LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA",
    "NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW",
    "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO",
    "TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW",
  ]
    .join(" ")
    .split(" "),
);

/** Repository certifications of the schema (`host.certified_with`). */
export const dcsCertifications: ReadonlySet<string> = new Set(
  "din31644 dini-zertifikat dsa iso16363 iso16919 trac wds coretrustseal".split(" "),
);

/** PID systems of the schema (`host.pid_system`). */
export const dcsPidSystems: ReadonlySet<string> = new Set(
  ["ark arxiv bibcode doi ean13 eissn handle igsn isbn issn istc lissn lsid pmid purl upc url urn", "other"]
    .join(" ")
    .split(" "),
);
