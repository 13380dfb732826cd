import { DICTIONARIES } from "../i18n/index.ts";
import type { Lang } from "../rules/types.ts";
import { FORMS, type Form } from "./forms.ts";

/**
 * The glossary behind the debrief and the quiz: the five forms of kerja sama, the factors that make
 * cooperation happen, its purposes, and the accommodation forms (akomodasi) that the quiz uses as
 * wrong options. Everything follows `reference/kerja-sama-sumber.txt` (the source the game teaches
 * from) in the game's own words. The texts live here as `{ id, en }` pairs rather than in i18n,
 * because they are long, read together, and belong to the content rather than to the interface.
 */

/** A text in both languages: Bahasa Indonesia first, English second. */
export type Bilingual = Record<Lang, string>;

/** The five factors the source names as the reasons kerja sama happens. */
export const COOP_FACTORS = [
  "tujuanSama",
  "salingMembutuhkan",
  "berbagiPeran",
  "solidaritasSosial",
  "kepercayaan",
] as const;
export type CoopFactor = (typeof COOP_FACTORS)[number];

/** The purposes of kerja sama (tujuan kerja sama): the source lists exactly these five. */
export const COOP_PURPOSES = [
  "tujuanBersama",
  "keharmonisan",
  "persatuan",
  "efisiensi",
  "kesejahteraan",
] as const;
export type CoopPurpose = (typeof COOP_PURPOSES)[number];

/**
 * Accommodation forms (akomodasi): ways of easing or settling a conflict. They are associative
 * interaction too, but not kerja sama, so the quiz offers them as tempting wrong answers. The source
 * does not describe them; their definitions are the usual ones of Indonesian school sociology.
 */
export const ACCOMMODATION_FORMS = [
  "arbitrase",
  "mediasi",
  "koersi",
  "kompromi",
  "konsiliasi",
  "toleransi",
  "ajudikasi",
] as const;
export type AccommodationForm = (typeof ACCOMMODATION_FORMS)[number];

export const GLOSSARY_KINDS = ["form", "factor", "purpose", "accommodation"] as const;
export type GlossaryKind = (typeof GLOSSARY_KINDS)[number];

/** Any glossary entry's id; the ids are unique across all four kinds. */
export type GlossaryId = Form | CoopFactor | CoopPurpose | AccommodationForm;

interface EntryTexts {
  /** The Indonesian term; the English text keeps it and may add a gloss in brackets. */
  term: Bilingual;
  definition: Bilingual;
  /** A real-life Indonesian example. */
  example: Bilingual;
}

export interface FormEntry extends EntryTexts {
  kind: "form";
  id: Form;
  /** Where the student meets this form in Bangun Desa. */
  inGame: Bilingual;
}

export interface FactorEntry extends EntryTexts {
  kind: "factor";
  id: CoopFactor;
  /** Where the factor shows in Bangun Desa. */
  inGame: Bilingual;
}

export interface PurposeEntry extends EntryTexts {
  kind: "purpose";
  id: CoopPurpose;
  /** Where the purpose shows in Bangun Desa (mostly the village meters). */
  inGame: Bilingual;
}

export interface AccommodationEntry extends EntryTexts {
  kind: "accommodation";
  id: AccommodationForm;
  /** Always {@link ACCOMMODATION_NOTE}: this is not a form of kerja sama in the game. */
  note: Bilingual;
}

export type GlossaryEntry = FormEntry | FactorEntry | PurposeEntry | AccommodationEntry;

/** A form's name comes from i18n (`form.<id>`), so the glossary and the captions never disagree. */
function formTerm(form: Form): Bilingual {
  return { id: DICTIONARIES.id[`form.${form}`], en: DICTIONARIES.en[`form.${form}`] };
}

export const FORM_GLOSSARY: Record<Form, FormEntry> = {
  gotongRoyong: {
    kind: "form",
    id: "gotongRoyong",
    term: formTerm("gotongRoyong"),
    definition: {
      id: "Bekerja bersama-sama dengan sukarela untuk kepentingan semua orang, tanpa meminta bayaran. Gotong royong adalah ciri khas budaya Indonesia.",
      en: "Working together of your own free will for everyone's good, without asking to be paid. Gotong royong is a hallmark of Indonesian culture.",
    },
    example: {
      id: "Sebelum musim hujan tiba, para pemuda kampung mengeruk selokan yang tersumbat sampah. Tidak ada yang dibayar; semua ikut supaya kampung tidak kebanjiran. Begitu pula saat tetangga datang membangun lagi rumah yang rusak karena musibah, atau saat orang tua murid dan guru memperbaiki sekolah.",
      en: "Before the rains come, the young people of a kampung dig the rubbish out of a blocked drain. Nobody is paid; everyone joins so the kampung does not flood. The same goes for neighbours rebuilding a house wrecked by a disaster, or parents and teachers repairing the school.",
    },
    inGame: {
      id: "Proyek kerja bakti: membersihkan selokan, memperbaiki sekolah, membangun kembali rumah tetangga, membangun jembatan desa, dan bantu tetangga yang kekurangan. Proyek butuh beberapa warga dan tidak memberi hadiah pribadi.",
      en: "The kerja bakti projects: cleaning the selokan (drain), repairing the sekolah, rebuilding a neighbour's rumah, building the jembatan (bridge), and bantu tetangga (helping a neighbour in need). Projects need several villagers and give no private reward.",
    },
  },
  bargaining: {
    kind: "form",
    id: "bargaining",
    term: formTerm("bargaining"),
    definition: {
      id: "Kerja sama yang dicapai lewat tawar-menawar: dua pihak saling mengajukan penawaran sampai menemukan kesepakatan yang diterima keduanya.",
      en: "Cooperation reached by bargaining: two parties make offers to each other until they find an agreement both accept.",
    },
    example: {
      id: "Menjelang panen, petani dan pengepul membicarakan harga gabah. Petani meminta harga tinggi, pengepul menawar lebih rendah, lalu mereka bertemu di tengah. Contoh lain: pengusaha lokal berunding dengan pemerintah daerah sampai sepakat tentang rencana mengembangkan ekonomi kreatif.",
      en: "Before the harvest, a farmer and a pengepul (rice collector) discuss the price of gabah (unhusked rice). The farmer asks for a high price, the collector offers less, and they meet in the middle. Another example: local business owners negotiate with the regional government until they agree on a plan to grow the creative economy.",
    },
    inGame: {
      id: "Tawaran antarrumah tangga: “kuberi X, kamu beri Y”. Pihak lain bisa menerima, menolak, atau menawar balik. Pasar selalu buka, tetapi kursnya buruk, jadi bersepakat dengan warga lebih untung. Sekali dalam permainan, petani dan pedagang menawar harga gabah untuk musim itu.",
      en: "Offers between households: “I give X, you give Y”. The other side can accept, reject or make a counter-offer. The pasar (market) is always open but its rate is poor, so agreeing with people pays better. Once a game, the petani and the pedagang bargain over that season's harga gabah (rice price).",
    },
  },
  kooptasi: {
    kind: "form",
    id: "kooptasi",
    term: formTerm("kooptasi"),
    definition: {
      id: "Mengajak seseorang atau suatu kelompok masuk ke dalam struktur sebuah organisasi, supaya konflik bisa dihindari atau supaya kelompok itu menjadi lebih baik.",
      en: "Bringing a person or a group into an organisation's structure, so that conflict is avoided or the group gets better.",
    },
    example: {
      id: "Pengurus OSIS meminta seorang tokoh pemuda yang disegani di kampung menjadi pembina kegiatan, sehingga acara sekolah berjalan aman dan tertib. Contoh lain: sebuah perusahaan merekrut influencer setempat agar lebih dekat dengan warga sekitar.",
      en: "The OSIS (student council) asks a respected young leader from the kampung to become the pembina (mentor) of its activities, so school events run safely and smoothly. Another example: a company recruits a local influencer to get closer to the people around it.",
    },
    inGame: {
      id: "Tokoh pemuda datang dari luar struktur desa, dan keresahannya naik setiap musim. Lewat musyawarah, desa bisa memberinya tempat sebagai penasihat atau pembina proyek; keresahannya berhenti dan ia ikut bekerja. Warga yang menganggur juga bisa diajak masuk panitia proyek.",
      en: "The tokoh pemuda (young community leader) stands outside the village structure, and his unrest grows every season. Through a musyawarah (village deliberation and vote) the village can give him a place as penasihat (adviser) or pembina (mentor) of a project; his unrest stops and he joins the work. An idle villager can be brought onto a project committee the same way.",
    },
  },
  koalisi: {
    kind: "form",
    id: "koalisi",
    term: formTerm("koalisi"),
    definition: {
      id: "Beberapa pihak bergabung untuk sementara waktu demi mencapai satu tujuan tertentu. Setelah tujuan itu tercapai, mereka bisa berjalan sendiri-sendiri lagi.",
      en: "Several parties join forces for a while to reach one particular goal. Once the goal is reached, they can go their own ways again.",
    },
    example: {
      id: "Beberapa komunitas lingkungan di satu kota bergabung supaya kampanye peduli sampah plastik berhasil: ada yang membuat poster, ada yang mengumpulkan botol bekas. Contoh lain: beberapa perusahaan bersama-sama menyelenggarakan pameran produk.",
      en: "Several environmental groups in one city join up to make a campaign against plastic waste succeed: some make posters, others collect used bottles. Another example: several companies hold a product fair together.",
    },
    inGame: {
      id: "Paling sedikit 3 warga membentuk koalisi untuk satu tujuan bernama, seperti kampanye peduli sampah plastik atau pameran produk desa. Anggota menyumbang ke kas bersama sebelum batas waktunya; koalisi bubar setelah berhasil atau saat waktunya habis.",
      en: "At least 3 villagers form a koalisi for one named goal, such as the kampanye peduli sampah plastik (plastic-waste campaign) or the village pameran produk (product fair). Members pledge into a shared pool before the deadline; the koalisi dissolves when it succeeds or when time runs out.",
    },
  },
  jointVenture: {
    kind: "form",
    id: "jointVenture",
    term: formTerm("jointVenture"),
    definition: {
      id: "Dua organisasi atau perusahaan bekerja sama menjalankan satu proyek tertentu. Biasanya keduanya menanam modal dan membagi hasilnya sesuai perjanjian.",
      en: "Two organisations or companies work together on one particular project. Usually both put in capital and share what it earns as agreed.",
    },
    example: {
      id: "Sebuah perusahaan Indonesia dan sebuah perusahaan Jepang bersama-sama membuat kendaraan listrik. Contoh lain: pengusaha kopi dari daerah kita menggandeng perusahaan asing supaya kopinya bisa dijual ke luar negeri.",
      en: "An Indonesian company and a Japanese company build electric vehicles together. Another example: a local coffee business teams up with a foreign company so that its coffee can be sold abroad.",
    },
    inGame: {
      id: "Dua rumah tangga mendirikan satu usaha bersama: penggilingan padi, ekspor kopi, atau bengkel motor listrik. Pembagian hasil (misalnya 50:50 atau 60:40) ditetapkan saat perjanjian ditandatangani. Usaha memberi hasil setiap musim selama keduanya memasukkan tenaga; jika satu pihak lalai, usaha macet.",
      en: "Two households found one usaha bersama (shared business): a penggilingan padi (rice mill), ekspor kopi (coffee export) or a bengkel motor listrik (electric motorbike workshop). The profit split (such as 50:50 or 60:40) is fixed when they sign. It pays every season while both put in their tenaga (energy); if one side fails to, it stalls.",
    },
  },
};

export const FACTOR_GLOSSARY: Record<CoopFactor, FactorEntry> = {
  tujuanSama: {
    kind: "factor",
    id: "tujuanSama",
    term: { id: "Tujuan yang sama", en: "Tujuan yang sama (a shared goal)" },
    definition: {
      id: "Semua pihak ingin mencapai hal yang sama, sehingga mereka punya alasan untuk bekerja bersama.",
      en: "Everyone involved wants the same thing, so they have a reason to work together.",
    },
    example: {
      id: "Seluruh warga RT ingin lingkungannya bebas demam berdarah, jadi setiap Jumat mereka bersama-sama menguras bak air dan membersihkan got.",
      en: "Everyone in the RT (neighbourhood) wants to be free of dengue fever, so every Friday they empty water tubs and clean the gutters together.",
    },
    inGame: {
      id: "Semua rumah tangga ingin jembatan desa berdiri: tanpa jembatan, seluruh desa kalah bersama.",
      en: "Every household wants the jembatan desa (village bridge) to stand: without it, the whole village loses together.",
    },
  },
  salingMembutuhkan: {
    kind: "factor",
    id: "salingMembutuhkan",
    term: {
      id: "Kesadaran untuk saling membutuhkan",
      en: "Kesadaran untuk saling membutuhkan (knowing we need each other)",
    },
    definition: {
      id: "Setiap pihak sadar bahwa ia tidak bisa memenuhi semua kebutuhannya sendirian dan memerlukan pihak lain.",
      en: "Each side knows it cannot meet all its needs alone and needs the others.",
    },
    example: {
      id: "Nelayan membutuhkan beras dari petani, dan petani membutuhkan ikan dari nelayan, sehingga mereka rutin bertukar hasil.",
      en: "Fishers need rice from farmers and farmers need fish from fishers, so they swap what they produce regularly.",
    },
    inGame: {
      id: "Setiap peran hanya pandai membuat satu hal: petani beras, penebang kayu, penambang batu, pedagang uang. Tidak ada peran yang bisa makan cukup sekaligus membangun sendirian.",
      en: "Each role is good at making one thing: the petani rice, the penebang wood, the penambang stone, the pedagang money. No role can both feed itself and build alone.",
    },
  },
  berbagiPeran: {
    kind: "factor",
    id: "berbagiPeran",
    term: {
      id: "Kerelaan untuk berbagi peran",
      en: "Kerelaan untuk berbagi peran (willingness to share the roles)",
    },
    definition: {
      id: "Setiap orang mau mengambil bagian tugasnya masing-masing, sehingga pekerjaan besar terbagi dan tidak dikerjakan satu orang saja.",
      en: "Everyone is willing to take on their own part of the work, so a big job is shared out instead of falling on one person.",
    },
    example: {
      id: "Saat menyiapkan lomba 17 Agustus, ada warga yang mengurus hadiah, ada yang memasang bendera, dan ada yang menjadi juri.",
      en: "When getting ready for the 17 August (Independence Day) games, some residents see to the prizes, some put up the flags and some act as judges.",
    },
    inGame: {
      id: "Di proyek desa ada yang membawa kayu, ada yang membawa batu, dan tenaga tukang dihitung dua kali lipat. Setiap orang mengisi bagiannya.",
      en: "At a village project some bring wood, some bring stone, and the tukang's (builder's) labour counts double. Everyone fills their part.",
    },
  },
  solidaritasSosial: {
    kind: "factor",
    id: "solidaritasSosial",
    term: { id: "Solidaritas sosial", en: "Solidaritas sosial (social solidarity)" },
    definition: {
      id: "Rasa setia kawan dan senasib di antara anggota masyarakat, sehingga orang tergerak untuk menolong sesamanya.",
      en: "A feeling of standing together and sharing the same fate among members of a community, which moves people to help one another.",
    },
    example: {
      id: "Ketika rumah satu keluarga di kampung terbakar, para tetangga langsung mengumpulkan pakaian, makanan, dan uang untuk mereka.",
      en: "When a family's house in the kampung burns down, the neighbours at once collect clothes, food and money for them.",
    },
    inGame: {
      id: "Saat rumah tetangga terkena musibah atau ada keluarga yang kekurangan beras, kamu bisa menolong tanpa meminta balasan.",
      en: "When a neighbour's house is hit by a disaster or a household is short of rice, you can help without asking for anything back.",
    },
  },
  kepercayaan: {
    kind: "factor",
    id: "kepercayaan",
    term: { id: "Kepercayaan antarpihak", en: "Kepercayaan antarpihak (trust between the parties)" },
    definition: {
      id: "Setiap pihak yakin bahwa pihak lain jujur dan akan menepati janjinya. Tanpa rasa percaya, orang ragu untuk bekerja sama.",
      en: "Each side is sure the others are honest and will keep their promises. Without trust, people hesitate to cooperate.",
    },
    example: {
      id: "Seorang pedagang sayur berani menitipkan dagangannya di warung tetangga, karena ia tahu uang hasil penjualannya akan diserahkan utuh.",
      en: "A vegetable seller is happy to leave her produce at a neighbour's warung (small shop), because she knows the money from the sales will be handed over in full.",
    },
    inGame: {
      id: "Setiap pemain punya catatan kepercayaan yang bisa dilihat semua orang: janji yang ditepati menambahnya, janji yang diingkari menguranginya.",
      en: "Every player has a trust record that everyone can see: promises kept add to it, promises broken take away from it.",
    },
  },
};

export const PURPOSE_GLOSSARY: Record<CoopPurpose, PurposeEntry> = {
  tujuanBersama: {
    kind: "purpose",
    id: "tujuanBersama",
    term: { id: "Mencapai tujuan bersama", en: "Mencapai tujuan bersama (reaching a shared goal)" },
    definition: {
      id: "Dengan bekerja sama, orang bisa meraih hal yang tidak mungkin diraih sendirian.",
      en: "By working together, people can achieve what none of them could achieve alone.",
    },
    example: {
      id: "Membangun jembatan desa butuh banyak tenaga dan bahan. Satu keluarga tidak akan sanggup, tetapi seluruh warga bersama-sama bisa.",
      en: "Building a village bridge takes a lot of labour and materials. One family could never manage it, but all the villagers together can.",
    },
    inGame: {
      id: "Jembatan desa adalah tujuan utama permainan: butuh kayu, batu, uang, dan tenaga dari paling sedikit 4 warga.",
      en: "The jembatan desa (village bridge) is the main goal of the game: it needs wood, stone, money and the labour of at least 4 villagers.",
    },
  },
  keharmonisan: {
    kind: "purpose",
    id: "keharmonisan",
    term: { id: "Menjaga keharmonisan sosial", en: "Menjaga keharmonisan sosial (keeping social harmony)" },
    definition: {
      id: "Kerja sama mengurangi kemungkinan bertengkar dan membuat orang lebih saling memahami, sehingga hidup bersama terasa rukun.",
      en: "Cooperation makes quarrels less likely and helps people understand each other, so living together stays peaceful.",
    },
    example: {
      id: "Warga dua RT yang dulu sering berselisih soal tempat parkir menjadi akrab setelah rutin ronda malam bersama.",
      en: "Residents of two RTs who used to argue about parking become friends after doing the night watch (ronda) together every week.",
    },
    inGame: {
      id: "Meter Keharmonisan naik saat warga bekerja sama, dan turun karena banjir, musibah yang dibiarkan, atau keresahan tokoh pemuda. Jika sampai 0, desa kalah.",
      en: "The Keharmonisan (harmony) meter rises when villagers cooperate, and falls with floods, neglected disasters or the tokoh pemuda's unrest. If it reaches 0, the village loses.",
    },
  },
  persatuan: {
    kind: "purpose",
    id: "persatuan",
    term: { id: "Menumbuhkan rasa persatuan", en: "Menumbuhkan rasa persatuan (growing a sense of unity)" },
    definition: {
      id: "Saat orang bekerja bersama, solidaritas mereka makin kuat, sehingga mereka merasa menjadi satu kelompok.",
      en: "When people work together their solidarity grows stronger, so they feel they are one group.",
    },
    example: {
      id: "Setelah bersama-sama mengecat gapura kampung menjelang 17 Agustus, warga baru dan warga lama jadi saling kenal dan makin kompak.",
      en: "After painting the kampung gate together before 17 August, new and long-time residents get to know each other and pull together more.",
    },
    inGame: {
      id: "Meter Persatuan naik ketika proyek seperti perbaikan sekolah selesai, dan ketika musyawarah hampir sepakat bulat.",
      en: "The Persatuan (unity) meter rises when projects such as the school repair are finished, and when a musyawarah reaches near-total agreement.",
    },
  },
  efisiensi: {
    kind: "purpose",
    id: "efisiensi",
    term: {
      id: "Meningkatkan efektivitas dan efisiensi kerja",
      en: "Meningkatkan efektivitas dan efisiensi kerja (working more effectively and efficiently)",
    },
    definition: {
      id: "Pekerjaan berat selesai lebih cepat dan terasa lebih ringan jika dikerjakan bersama-sama.",
      en: "Heavy work gets done faster and feels lighter when it is done together.",
    },
    example: {
      id: "Memanen padi satu sawah bisa makan waktu seminggu jika dikerjakan satu keluarga, tetapi selesai dalam sehari jika sepuluh tetangga ikut membantu.",
      en: "Harvesting one rice field can take a family a week, but it is done in a day when ten neighbours help.",
    },
    inGame: {
      id: "Setiap warga hanya boleh menyumbang sebagian tenaga di satu proyek, jadi proyek yang dikerjakan banyak warga sekaligus selesai lebih cepat.",
      en: "Each villager may give only part of a project's labour, so a project many villagers work on at once is finished sooner.",
    },
  },
  kesejahteraan: {
    kind: "purpose",
    id: "kesejahteraan",
    term: {
      id: "Meningkatkan kesejahteraan masyarakat",
      en: "Meningkatkan kesejahteraan masyarakat (raising people's welfare)",
    },
    definition: {
      id: "Kerja sama membantu ekonomi warga menjadi lebih baik, sehingga kebutuhan hidup mereka lebih tercukupi.",
      en: "Cooperation helps people's livelihoods improve, so their needs are better met.",
    },
    example: {
      id: "Koperasi di desa memberi anggotanya pinjaman modal dengan bunga ringan, sehingga mereka bisa membeli bibit dan pupuk.",
      en: "A village koperasi (cooperative) lends its members money at low interest, so they can buy seed and fertiliser.",
    },
    inGame: {
      id: "Meter Kesejahteraan naik lewat koperasi desa, perbaikan sekolah, jembatan, dan pameran produk. Koperasi juga meminjamkan beras kepada keluarga yang kekurangan.",
      en: "The Kesejahteraan (welfare) meter rises through the village koperasi, the school repair, the bridge and the product fair. The koperasi also lends rice to households that are short.",
    },
  },
};

/** The one note every accommodation entry carries. */
export const ACCOMMODATION_NOTE: Bilingual = {
  id: "Ini bentuk akomodasi (cara meredakan atau menyelesaikan pertentangan), bukan bentuk kerja sama. Di Bangun Desa istilah ini hanya muncul sebagai pilihan yang salah di kuis.",
  en: "This is a form of akomodasi (accommodation: a way to ease or settle a conflict), not a form of kerja sama. In Bangun Desa it only appears as a wrong option in the quiz.",
};

export const ACCOMMODATION_GLOSSARY: Record<AccommodationForm, AccommodationEntry> = {
  arbitrase: {
    kind: "accommodation",
    id: "arbitrase",
    term: { id: "Arbitrase", en: "Arbitrase (arbitration)" },
    definition: {
      id: "Pertentangan diselesaikan oleh pihak ketiga yang dipilih kedua pihak. Pihak ketiga itulah yang memutuskan, dan keputusannya wajib diterima.",
      en: "A conflict is settled by a third party that both sides choose. The third party decides, and both must accept its decision.",
    },
    example: {
      id: "Serikat buruh dan pemilik pabrik tidak sepakat soal upah, lalu menyerahkan masalah itu kepada badan arbitrase dan menerima keputusannya.",
      en: "A workers' union and a factory owner cannot agree on wages, so they hand the matter to an arbitration board and accept its ruling.",
    },
    note: ACCOMMODATION_NOTE,
  },
  mediasi: {
    kind: "accommodation",
    id: "mediasi",
    term: { id: "Mediasi", en: "Mediasi (mediation)" },
    definition: {
      id: "Pertentangan diselesaikan dengan bantuan pihak ketiga yang netral. Pihak ketiga (mediator) hanya menengahi dan memberi saran; keputusan tetap di tangan pihak yang berselisih.",
      en: "A conflict is settled with the help of a neutral third party. The mediator only goes between the sides and gives advice; the decision stays with the sides in dispute.",
    },
    example: {
      id: "Pak RT menengahi dua tetangga yang berselisih soal batas pagar. Ia mengusulkan jalan keluar, tetapi keduanya sendiri yang memutuskan.",
      en: "The head of the RT goes between two neighbours arguing about where a fence should stand. He suggests a way out, but the two decide for themselves.",
    },
    note: ACCOMMODATION_NOTE,
  },
  koersi: {
    kind: "accommodation",
    id: "koersi",
    term: { id: "Koersi", en: "Koersi (coercion)" },
    definition: {
      id: "Pertentangan diakhiri dengan paksaan: pihak yang lebih kuat memaksa pihak yang lebih lemah untuk menurut.",
      en: "A conflict is ended by force: the stronger side makes the weaker side give in.",
    },
    example: {
      id: "Pada masa tanam paksa, pemerintah kolonial memaksa petani menanam tanaman yang laku di pasar Eropa.",
      en: "During the tanam paksa (forced cultivation) era, the colonial government forced farmers to grow crops that sold well in Europe.",
    },
    note: ACCOMMODATION_NOTE,
  },
  kompromi: {
    kind: "accommodation",
    id: "kompromi",
    term: { id: "Kompromi", en: "Kompromi (compromise)" },
    definition: {
      id: "Pihak-pihak yang berselisih sama-sama mengurangi tuntutannya supaya pertentangan bisa berakhir.",
      en: "The sides in a dispute each give up part of what they demand so that the conflict can end.",
    },
    example: {
      id: "Dua kelas berebut aula untuk latihan pentas. Akhirnya keduanya mengalah: kelas 8A memakai aula hari Senin, kelas 8B hari Rabu.",
      en: "Two classes quarrel over using the hall to rehearse a show. In the end both give way: class 8A uses it on Mondays, class 8B on Wednesdays.",
    },
    note: ACCOMMODATION_NOTE,
  },
  konsiliasi: {
    kind: "accommodation",
    id: "konsiliasi",
    term: { id: "Konsiliasi", en: "Konsiliasi (conciliation)" },
    definition: {
      id: "Keinginan pihak-pihak yang berselisih dipertemukan melalui sebuah lembaga atau forum resmi, sampai tercapai persetujuan bersama.",
      en: "The wishes of the sides in a dispute are brought together through an official body or forum until they reach a joint agreement.",
    },
    example: {
      id: "Perselisihan warga dengan sebuah pabrik soal limbah dibahas dalam forum yang diadakan DPRD, sampai keduanya menyepakati aturan pembuangan limbah.",
      en: "A dispute between residents and a factory over waste is taken to a forum held by the DPRD (regional parliament), until both agree on rules for getting rid of the waste.",
    },
    note: ACCOMMODATION_NOTE,
  },
  toleransi: {
    kind: "accommodation",
    id: "toleransi",
    term: { id: "Toleransi", en: "Toleransi (toleration)" },
    definition: {
      id: "Orang saling menghargai dan membiarkan perbedaan tanpa perjanjian resmi, sehingga pertentangan tidak muncul.",
      en: "People respect each other and let differences be, without any formal agreement, so no conflict arises.",
    },
    example: {
      id: "Warga yang berbeda agama di satu kompleks saling menghormati ketika tetangganya merayakan hari raya.",
      en: "Residents of different religions in one housing estate show respect when their neighbours celebrate their holy days.",
    },
    note: ACCOMMODATION_NOTE,
  },
  ajudikasi: {
    kind: "accommodation",
    id: "ajudikasi",
    term: { id: "Ajudikasi", en: "Ajudikasi (adjudication)" },
    definition: {
      id: "Perkara atau sengketa diselesaikan melalui pengadilan.",
      en: "A case or dispute is settled in court.",
    },
    example: {
      id: "Dua keluarga yang bersengketa soal tanah warisan membawa masalahnya ke pengadilan negeri, lalu hakim yang memutuskan.",
      en: "Two families in a dispute over inherited land take it to the district court, and the judge decides.",
    },
    note: ACCOMMODATION_NOTE,
  },
};

/** Every entry, in teaching order: forms, factors, purposes, then the accommodation forms. */
export const GLOSSARY: readonly GlossaryEntry[] = [
  ...FORMS.map((id) => FORM_GLOSSARY[id]),
  ...COOP_FACTORS.map((id) => FACTOR_GLOSSARY[id]),
  ...COOP_PURPOSES.map((id) => PURPOSE_GLOSSARY[id]),
  ...ACCOMMODATION_FORMS.map((id) => ACCOMMODATION_GLOSSARY[id]),
];

/** Every entry by its id. */
export const GLOSSARY_BY_ID: Record<GlossaryId, GlossaryEntry> = {
  ...FORM_GLOSSARY,
  ...FACTOR_GLOSSARY,
  ...PURPOSE_GLOSSARY,
  ...ACCOMMODATION_GLOSSARY,
};

/** The entry with this id, or undefined for an unknown id (such as one read from a request). */
export function glossaryEntry(id: string): GlossaryEntry | undefined {
  return Object.hasOwn(GLOSSARY_BY_ID, id) ? GLOSSARY_BY_ID[id as GlossaryId] : undefined;
}
