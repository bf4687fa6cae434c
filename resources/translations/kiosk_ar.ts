<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ActivityScreen</name>
    <message>
        <location filename="../../ui/screens/activity.py" line="+69"/>
        <source>Activité de la borne</source>
        <translation>نشاط الجهاز</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Combien de demandes cette borne a enregistrées. Aucune donnée personnelle : seulement des nombres.</source>
        <translation>عدد الطلبات التي سجّلها هذا الجهاز. لا توجد بيانات شخصية: أرقام فقط.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Aujourd&apos;hui</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Compter les demandes enregistrées aujourd&apos;hui</source>
        <translation>عدّ الطلبات المسجّلة اليوم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>7 derniers jours</source>
        <translation>آخر 7 أيام</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compter les demandes des 7 derniers jours, aujourd&apos;hui compris</source>
        <translation>عدّ طلبات آخر 7 أيام، مع اليوم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>30 derniers jours</source>
        <translation>آخر 30 يومًا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compter les demandes des 30 derniers jours, aujourd&apos;hui compris</source>
        <translation>عدّ طلبات آخر 30 يومًا، مع اليوم</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Retour</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à la file d&apos;attente</source>
        <translation>الرجوع إلى قائمة الانتظار</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Lecture de la file d&apos;attente…</source>
        <translation>قراءة قائمة الانتظار…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>La file d&apos;attente n&apos;a pas pu être lue. Réessayez ; si cela dure, prévenez le support.</source>
        <translation>تعذّرت قراءة قائمة الانتظار. أعد المحاولة. إذا استمر ذلك، أخبر الدعم.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Par démarche</source>
        <translation>حسب الإجراء</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Par état</source>
        <translation>حسب الحالة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 correction d&apos;une demande refusée</source>
        <translation>تصحيح واحد لطلب مرفوض</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 corrections de demandes refusées</source>
        <translation>%1 تصحيحات لطلبات مرفوضة</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>La plus ancienne demande encore en attente a été enregistrée le %1 à %2.</source>
        <translation>أقدم طلب ما زال ينتظر سُجّل يوم %1 الساعة %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aucune demande de cette période n&apos;attend encore.</source>
        <translation>لا يوجد طلب من هذه الفترة ما زال ينتظر.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Aucune visite enregistrée sur cette période.</source>
        <translation>لا توجد زيارة مسجّلة في هذه الفترة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 visite, durée moyenne %2 min</source>
        <translation>زيارة واحدة، المدة المتوسطة %2 دقيقة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 visites, durée moyenne %2 min</source>
        <translation>%1 زيارات، المدة المتوسطة %2 دقيقة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Visites par jour</source>
        <translation>الزيارات في كل يوم</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visites par démarche</source>
        <translation>الزيارات حسب الإجراء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue des visites</source>
        <translation>نتيجة الزيارات</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seul ou accompagné</source>
        <translation>وحده أو مع مرافق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Autonomie (selon le médiateur)</source>
        <translation>الاستقلالية (حسب الوسيط)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Durée des visites</source>
        <translation>مدة الزيارات</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Aucune demande enregistrée aujourd&apos;hui (%2)</source>
        <translation>لا يوجد طلب مسجّل اليوم (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 demande enregistrée aujourd&apos;hui (%2)</source>
        <translation>%1 طلب مسجّل اليوم (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 demandes enregistrées aujourd&apos;hui (%2)</source>
        <translation>%1 طلبات مسجّلة اليوم (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aucune demande enregistrée du %2 au %3</source>
        <translation>لا يوجد طلب مسجّل من %2 إلى %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 demande enregistrée du %2 au %3</source>
        <translation>%1 طلب مسجّل من %2 إلى %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 demandes enregistrées du %2 au %3</source>
        <translation>%1 طلبات مسجّلة من %2 إلى %3</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>remplacées par une correction</source>
        <translation>استُبدلت بتصحيح</translation>
    </message>
</context>
<context>
    <name>AutonomyPanel</name>
    <message>
        <location filename="../../ui/autonomy.py" line="+40"/>
        <source>Pour le médiateur : la personne a fait sa démarche…</source>
        <translation>للوسيط: قام الشخص بإجرائه…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accompagnée de bout en bout</source>
        <translation>بمرافقة من البداية إلى النهاية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En partie seule</source>
        <translation>وحده جزئيًا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seule</source>
        <translation>وحده</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Autonomie de la personne : %s</source>
        <translation>استقلالية الشخص: %s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Noté pour le bilan d&apos;activité. Merci.</source>
        <translation>سُجّل لتقرير النشاط. شكرًا.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compléter le compte rendu (facultatif)</source>
        <translation>إكمال التقرير (اختياري)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compléter le compte rendu (facultatif) : âge, situation, orientation, sans nom</source>
        <translation>إكمال التقرير (اختياري): العمر، الوضع، التوجيه، دون اسم</translation>
    </message>
</context>
<context>
    <name>CallView</name>
    <message>
        <location filename="../../ui/call_view.py" line="+29"/>
        <source>Annuler l&apos;appel</source>
        <translation>إلغاء الطلب</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vous n&apos;avez plus besoin d&apos;un médiateur</source>
        <translation>لم تعد تحتاج إلى وسيط</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Besoin d&apos;aide ?</source>
        <translation>تحتاج مساعدة؟</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Un médiateur est appelé. Restez ici.</source>
        <translation>تم طلب وسيط. ابقَ هنا.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Aucun appel</source>
        <translation>لا يوجد طلب</translation>
    </message>
</context>
<context>
    <name>ConfirmationScreen</name>
    <message>
        <location filename="../../ui/screens/confirmation.py" line="+40"/>
        <source>Votre demande est enregistrée</source>
        <translation>تم تسجيل طلبك</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Et maintenant ?</source>
        <translation>وماذا بعد؟</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Réessayer l&apos;impression</source>
        <translation>إعادة محاولة الطباعة</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>J&apos;ai terminé</source>
        <translation>انتهيت</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Terminer et effacer la session</source>
        <translation>الانتهاء ومسح الجلسة</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Imprimer à nouveau le reçu</source>
        <translation>طباعة الإيصال مرة أخرى</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imprimer l&apos;accusé de réception</source>
        <translation>طباعة إشعار الاستلام</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imprimer le reçu avec le numéro de dossier</source>
        <translation>طباعة الإيصال برقم الملف</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Votre référence : %s</source>
        <translation>مرجعك: %s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nous attendons la réponse du service pour imprimer votre reçu…</source>
        <translation>ننتظر رد المصلحة لطباعة إيصالك…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Impression de votre reçu…</source>
        <translation>جارٍ طباعة إيصالك…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Votre reçu est imprimé. Prenez-le dans l&apos;imprimante et gardez-le.</source>
        <translation>تمت طباعة إيصالك. خذه من الطابعة واحتفظ به.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Le reçu n&apos;a pas pu être imprimé.</source>
        <translation>تعذّرت طباعة الإيصال.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 Votre demande est bien enregistrée. Notez le numéro ci-dessus ou appelez un médiateur.</source>
        <translation>%1 طلبك مسجّل رغم ذلك. اكتب الرقم أعلاه أو اطلب وسيطًا.</translation>
    </message>
</context>
<context>
    <name>ConsentScreen</name>
    <message>
        <location filename="../../ui/screens/consent.py" line="+50"/>
        <source>Retour</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir au récapitulatif</source>
        <translation>الرجوع إلى الملخّص</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Donner votre accord et enregistrer la demande sur la borne</source>
        <translation>إعطاء موافقتك وتسجيل الطلب في الجهاز</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Enregistrement de votre demande… Merci de patienter.</source>
        <translation>جارٍ تسجيل طلبك… يرجى الانتظار.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>La demande n&apos;a pas pu être enregistrée sur la borne. Rien n&apos;est perdu : vos réponses sont toujours là. Touchez « Réessayer » ou appelez un médiateur.</source>
        <translation>تعذّر تسجيل الطلب في الجهاز. لم يضِع شيء: إجاباتك ما زالت هنا. المس « إعادة المحاولة » أو اطلب وسيطًا.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Réessayer l&apos;enregistrement</source>
        <translation>إعادة محاولة التسجيل</translation>
    </message>
</context>
<context>
    <name>CorrectionScreen</name>
    <message>
        <location filename="../../ui/screens/correction.py" line="+33"/>
        <source>Corriger une demande refusée</source>
        <translation>تصحيح طلب مرفوض</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ce que le service central a refusé</source>
        <translation>ما رفضته الخدمة المركزية</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>À savoir avant de commencer</source>
        <translation>ما يجب معرفته قبل البدء</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comment faire</source>
        <translation>طريقة العمل</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Retour à la file</source>
        <translation>الرجوع إلى القائمة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à la file d&apos;attente sans rien changer</source>
        <translation>الرجوع إلى قائمة الانتظار دون تغيير أي شيء</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commencer la correction</source>
        <translation>بدء التصحيح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoir la demande avec le demandeur, les réponses refusées signalées en rouge</source>
        <translation>مراجعة الطلب مع مقدّمه، والإجابات المرفوضة باللون الأحمر</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Corriger la demande %s</source>
        <translation>تصحيح الطلب %s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Le service central n&apos;a pas donné de raison.</source>
        <translation>لم تذكر الخدمة المركزية أي سبب.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Revoyez la demande avec le demandeur : les réponses et pièces refusées sont signalées en rouge, les autres sont déjà remplies.</source>
        <translation>راجع الطلب مع مقدّمه: الإجابات والمستندات المرفوضة باللون الأحمر، والباقي معبّأ مسبقًا.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le demandeur relit le récapitulatif puis redonne son accord.</source>
        <translation>يعيد مقدّم الطلب قراءة الملخّص ثم يعطي موافقته من جديد.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>La demande corrigée reçoit un nouveau numéro et un nouveau reçu ; elle remplace la demande %s, qui ne sera jamais envoyée.</source>
        <translation>يحصل الطلب المصحّح على رقم جديد وإيصال جديد. وهو يحلّ محل الطلب %s الذي لن يُرسل أبدًا.</translation>
    </message>
</context>
<context>
    <name>CraForm</name>
    <message>
        <location filename="../../ui/autonomy.py" line="+43"/>
        <source>Tranche d&apos;âge</source>
        <translation>الفئة العمرية</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Non renseignée</source>
        <translation>غير محدّدة</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Moins de 12 ans</source>
        <translation>أقل من 12 سنة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>12 à 17 ans</source>
        <translation>من 12 إلى 17 سنة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>18 à 24 ans</source>
        <translation>من 18 إلى 24 سنة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>25 à 39 ans</source>
        <translation>من 25 إلى 39 سنة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>40 à 59 ans</source>
        <translation>من 40 إلى 59 سنة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>60 à 69 ans</source>
        <translation>من 60 إلى 69 سنة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>70 ans et plus</source>
        <translation>70 سنة فأكثر</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <source>Non communiquée</source>
        <translation>لم تُذكر</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Genre</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non renseigné</source>
        <translation>غير محدّد</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Féminin</source>
        <translation>أنثى</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masculin</source>
        <translation>ذكر</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Non communiqué</source>
        <translation>لم يُذكر</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Situation</source>
        <translation>الوضع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scolarisé</source>
        <translation>متمدرس</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sans emploi</source>
        <translation>دون عمل</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>En emploi</source>
        <translation>يعمل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retraité</source>
        <translation>متقاعد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Orientée vers</source>
        <translation>وُجّه إلى</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personne (démarche faite ici)</source>
        <translation>لا أحد (تم الإجراء هنا)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Un opérateur</source>
        <translation>مشغّل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Une aide administrative</source>
        <translation>مساعدة إدارية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Une administration</source>
        <translation>إدارة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Une médiation numérique</source>
        <translation>وساطة رقمية</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Autre</source>
        <translation>آخر</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>Sans téléphone mobile</source>
        <translation>دون هاتف محمول</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enregistrer le compte rendu</source>
        <translation>حفظ التقرير</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enregistrer le compte rendu, sans nom</source>
        <translation>حفظ التقرير، دون اسم</translation>
    </message>
</context>
<context>
    <name>DateFieldWidget</name>
    <message>
        <location filename="../../ui/fields.py" line="+289"/>
        <source>Jour</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Le jour, en chiffres, par exemple 05</source>
        <translation>اليوم بالأرقام، مثلًا 05</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mois</source>
        <translation>الشهر</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Le mois, en chiffres, par exemple 03</source>
        <translation>الشهر بالأرقام، مثلًا 03</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Année</source>
        <translation>السنة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>L&apos;année, 4 chiffres, par exemple 1950</source>
        <translation>السنة، 4 أرقام، مثلًا 1950</translation>
    </message>
</context>
<context>
    <name>DocumentChooserScreen</name>
    <message>
        <source>Date lue sur le document. Vérifiez-la.</source>
        <translation>تاريخ مقروء من الوثيقة. تحقّق منه.</translation>
    </message>
    <message>
        <source>Scannez d&apos;abord : %s</source>
        <translation>امسح أولاً: %s</translation>
    </message>
    <message>
        <source>La borne y lit le nom et l&apos;adresse. Vous les vérifiez ensuite avec la personne.</source>
        <translation>تقرأ الآلة الاسم والعنوان من الوثيقة. ثم تتحقّق منهما مع الشخص.</translation>
    </message>
    <message>
        <source>La borne y lit l&apos;adresse. Vous la vérifiez ensuite avec la personne.</source>
        <translation>تقرأ الآلة العنوان من الوثيقة. ثم تتحقّق منه مع الشخص.</translation>
    </message>
    <message>
        <source>Passer</source>
        <translation>تخطٍّ</translation>
    </message>
    <message>
        <source>Répondre d&apos;abord aux questions, ajouter le document ensuite</source>
        <translation>الإجابة عن الأسئلة أولاً، ثم إضافة الوثيقة</translation>
    </message>
    <message>
        <location filename="../../ui/screens/document_chooser.py" line="+68"/>
        <source>Choisir le document</source>
        <translation>اختيار المستند</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Aucun document numérisé pour l&apos;instant. Posez le document sur le scanner et lancez la numérisation : il apparaîtra ici tout seul.</source>
        <translation>لا يوجد مستند ممسوح بعد. ضع المستند على الماسح وابدأ المسح: سيظهر هنا تلقائيًا.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Annuler</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à la liste des documents</source>
        <translation>الرجوع إلى قائمة المستندات</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+171"/>
        <source>Autre fichier…</source>
        <translation>ملف آخر…</translation>
    </message>
    <message>
        <location line="-170"/>
        <source>Réservé au médiateur : choisir un fichier dans un autre dossier autorisé</source>
        <translation>للوسيط فقط: اختيار ملف من مجلد آخر مسموح به</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Oui, l&apos;utiliser aussi ici</source>
        <translation>نعم، استعماله هنا أيضًا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utiliser ce document une deuxième fois</source>
        <translation>استعمال هذا المستند مرة ثانية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non, en choisir un autre</source>
        <translation>لا، اختيار مستند آخر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenir à la liste des documents numérisés</source>
        <translation>الرجوع إلى قائمة المستندات الممسوحة</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Quelle date est écrite sur ce document ?</source>
        <translation>ما التاريخ المكتوب على هذا المستند؟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regardez la date de la facture, de l&apos;avis ou du papier. Le jour, le mois, puis l&apos;année.</source>
        <translation>انظر إلى تاريخ الفاتورة أو الإشعار أو الورقة. اليوم، ثم الشهر، ثم السنة.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Valider la date</source>
        <translation>تأكيد التاريخ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vérifier la date et ajouter le document</source>
        <translation>التحقق من التاريخ وإضافة المستند</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Agrandir le document numérisé %s</source>
        <translation>تكبير المستند الممسوح %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voir la page en grand</source>
        <translation>رؤية الصفحة بحجم كبير</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+34"/>
        <source>Numérisé %s</source>
        <translation>ممسوح %s</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Touchez l&apos;image pour la voir en grand.</source>
        <translation>المس الصورة لرؤيتها بحجم كبير.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Déjà utilisé pour : %s</source>
        <translation>مستعمل من قبل لـ: %s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Utiliser</source>
        <translation>استعمال</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Utiliser ce document, numérisé %s</source>
        <translation>استعمال هذا المستند، الممسوح %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utiliser le document numérisé %s</source>
        <translation>استعمال المستند الممسوح %s</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Ce document ne peut pas être affiché. Numérisez-le à nouveau.</source>
        <translation>لا يمكن عرض هذا المستند. امسحه مرة أخرى.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Documents numérisés</source>
        <translation>المستندات الممسوحة</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Ce document est déjà utilisé pour : %1. Voulez-vous l&apos;utiliser aussi pour « %2 » ?</source>
        <translation>هذا المستند مستعمل من قبل لـ: %1. هل تريد استعماله أيضًا لـ « %2 »؟</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Vérification du document…</source>
        <translation>جارٍ فحص المستند…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Le document est lisible. Il reste à dire sa date.</source>
        <translation>المستند مقروء. بقي أن تذكر تاريخه.</translation>
    </message>
    <message>
        <location line="-164"/>
        <source>Choisir : %s</source>
        <translation>اختيار: %s</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>Ce fichier ne peut pas être utilisé. Numérisez le document à nouveau.</source>
        <translation>لا يمكن استعمال هذا الملف. امسح المستند مرة أخرى.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document refusé : %s</source>
        <translation>المستند مرفوض: %s</translation>
    </message>
</context>
<context>
    <name>DocumentsScreen</name>
    <message>
        <location filename="../../ui/screens/documents.py" line="+35"/>
        <source>Vos documents</source>
        <translation>مستنداتك</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pour chaque document, posez-le sur le scanner, puis touchez « Ajouter ». Un document « facultatif » peut être laissé de côté.</source>
        <translation>ضعوا كل وثيقة على الماسح الضوئي، ثم المسوا « إضافة ». يمكن ترك الوثيقة « الاختيارية ».</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Retour</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir aux questions</source>
        <translation>الرجوع إلى الأسئلة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continuer</source>
        <translation>متابعة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passer au récapitulatif de la demande</source>
        <translation>الانتقال إلى ملخّص الطلب</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cette démarche ne demande aucun document. Touchez « Continuer ».</source>
        <translation>هذا الإجراء لا يحتاج أي مستند. المس « متابعة ».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Touchez « Remplacer » pour numériser le document de nouveau. Ou gardez-le s&apos;il est lisible et juste : il sera envoyé de nouveau.</source>
        <translation>المس « استبدال » لمسح المستند من جديد. أو احتفظ به إذا كان واضحًا وصحيحًا: سيُرسل من جديد.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Obligatoire</source>
        <translation>إلزامي</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Facultatif</source>
        <translation>اختياري</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✔ Ajouté</source>
        <translation>✔ أُضيف</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pas encore ajouté</source>
        <translation>لم يُضف بعد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aperçu : %s</source>
        <translation>معاينة: %s</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remplacer</source>
        <translation>استبدال</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ajouter</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choisir le fichier pour : %s</source>
        <translation>اختيار الملف لـ: %s</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Voir en grand</source>
        <translation>رؤية بحجم كبير</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Voir la page en grand : %s</source>
        <translation>رؤية الصفحة بحجم كبير: %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voir en grand : %s</source>
        <translation>رؤية بحجم كبير: %s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Retirer</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Retirer le fichier : %s</source>
        <translation>إزالة الملف: %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retirer : %s</source>
        <translation>إزالة: %s</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Il manque encore : %s. Ajoutez-les pour continuer.</source>
        <translation>ما زال ينقص: %s. أضفها للمتابعة.</translation>
    </message>
</context>
<context>
    <name>EndScreen</name>
    <message>
        <location filename="../../ui/screens/end.py" line="+18"/>
        <source>Merci, c&apos;est terminé</source>
        <translation>شكرًا، انتهى الأمر</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gardez bien votre reçu : il prouve que votre demande est faite. Vos informations vont maintenant être effacées de l&apos;écran.</source>
        <translation>احتفظ بإيصالك جيدًا: فهو يثبت أن طلبك قد تم. ستُمسح معلوماتك الآن من الشاشة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Si vous avez une question, un médiateur du point numérique peut vous aider.</source>
        <translation>إذا كان لديك سؤال، يمكن لوسيط من النقطة الرقمية أن يساعدك.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Retour à l&apos;accueil</source>
        <translation>الرجوع إلى البداية</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Effacer la session et revenir à l&apos;accueil</source>
        <translation>مسح الجلسة والرجوع إلى البداية</translation>
    </message>
</context>
<context>
    <name>FieldWidget</name>
    <message>
        <location filename="../../ui/fields.py" line="-239"/>
        <source>%s (facultatif)</source>
        <translation>%s (اختياري)</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+17"/>
        <source>Exemple : %s</source>
        <translation>مثال: %s</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Remplir avec cette réponse</source>
        <translation>املأ بهذه الإجابة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 : proposition %2</source>
        <translation>%1: اقتراح %2</translation>
    </message>
</context>
<context>
    <name>FilePicker</name>
    <message>
        <location filename="../../ui/screens/file_picker.py" line="+47"/>
        <source>Dossier précédent</source>
        <translation>المجلد السابق</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir au dossier précédent</source>
        <translation>الرجوع إلى المجلد السابق</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ce dossier ne contient aucun document.</source>
        <translation>لا يحتوي هذا المجلد على أي مستند.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Numérisations</source>
        <translation>الممسوحات</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choisissez un dossier</source>
        <translation>اختر مجلدًا</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Dossier : %s</source>
        <translation>المجلد: %s</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Dossier %s</source>
        <translation>المجلد %s</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ouvrir ce dossier</source>
        <translation>فتح هذا المجلد</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choisir ce fichier</source>
        <translation>اختيار هذا الملف</translation>
    </message>
</context>
<context>
    <name>ForWhomScreen</name>
    <message>
        <location filename="../../ui/screens/for_whom.py" line="+26"/>
        <source>Pour qui faites-vous cette démarche ?</source>
        <translation>لمن تقوم بهذا الإجراء؟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vous pouvez faire la démarche pour vous, ou pour une autre personne. Touchez la bonne réponse.</source>
        <translation>يمكنك القيام بالإجراء لنفسك أو لشخص آخر. المس الإجابة الصحيحة.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Retour</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choisir une autre démarche</source>
        <translation>اختيار إجراء آخر</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../ui/idle.py" line="+157"/>
        <source>Êtes-vous toujours là ?</source>
        <translation>هل ما زلت هنا؟</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Encore du temps</source>
        <translation>وقت إضافي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Garder la démarche en cours et continuer</source>
        <translation>الاحتفاظ بالإجراء الجاري والمتابعة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tout effacer maintenant</source>
        <translation>مسح كل شيء الآن</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effacer tout ce qui a été saisi et revenir à l&apos;accueil</source>
        <translation>مسح كل ما كُتب والرجوع إلى البداية</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n secondes</source>
        <translation>
            <numerusform>%n ثانية</numerusform>
            <numerusform>%n ثانية</numerusform>
            <numerusform>%n ثانية</numerusform>
            <numerusform>%n ثانية</numerusform>
            <numerusform>%n ثانية</numerusform>
            <numerusform>%n ثانية</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Sans réponse, votre démarche sera effacée dans %n secondes pour protéger vos informations.</source>
        <translation>
            <numerusform>بدون رد، سيُمسح إجراؤك بعد %n ثانية لحماية معلوماتك.</numerusform>
            <numerusform>بدون رد، سيُمسح إجراؤك بعد %n ثانية لحماية معلوماتك.</numerusform>
            <numerusform>بدون رد، سيُمسح إجراؤك بعد %n ثانية لحماية معلوماتك.</numerusform>
            <numerusform>بدون رد، سيُمسح إجراؤك بعد %n ثانية لحماية معلوماتك.</numerusform>
            <numerusform>بدون رد، سيُمسح إجراؤك بعد %n ثانية لحماية معلوماتك.</numerusform>
            <numerusform>بدون رد، سيُمسح إجراؤك بعد %n ثانية لحماية معلوماتك.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <location filename="../../ui/screens/requirements.py" line="+34"/>
        <source> (facultatif)</source>
        <translation> (اختياري)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Je ne l&apos;ai pas</source>
        <translation>ليس عندي</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Que faire sans : %s</source>
        <translation>ماذا أفعل بدون: %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Je ne l&apos;ai pas : %s</source>
        <translation>ليس عندي: %s</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <location filename="../../ui/keyboard.py" line="+53"/>
        <source>apostrophe</source>
        <translation>فاصلة عليا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trait d&apos;union</source>
        <translation>شرطة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>arobase</source>
        <translation>علامة @</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>point</source>
        <translation>نقطة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>virgule</source>
        <translation>فاصلة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>barre oblique</source>
        <translation>شرطة مائلة</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../ui/voice_mode.py" line="+415"/>
        <source>Touche {key}</source>
        <translation>المفتاح {key}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Écrit « {key} » dans le champ.</source>
        <translation>يكتب « {key} » في الخانة.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>⌫ Effacer</source>
        <translation>⌫ مسح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effacer</source>
        <translation>مسح</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Efface le caractère avant le curseur.</source>
        <translation>يمسح الحرف الذي قبل المؤشر.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK, valider</source>
        <translation>OK، تأكيد</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Maj, majuscule</source>
        <translation>⇧ حرف كبير، الحرف التالي كبير</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Verr. Maj, verrouiller les majuscules</source>
        <translation>تثبيت الحروف الكبيرة</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Valide le champ et ferme le clavier.</source>
        <translation>يؤكد الخانة ويغلق لوحة المفاتيح.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>⇧ Maj</source>
        <translation>⇧ حرف كبير</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>La prochaine lettre sera une majuscule.</source>
        <translation>الحرف التالي سيكون كبيرًا.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verr. Maj</source>
        <translation>تثبيت</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Toutes les lettres seront des majuscules, jusqu&apos;au prochain appui.</source>
        <translation>كل الحروف ستكون كبيرة حتى الضغطة التالية.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Espace</source>
        <translation>مسافة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Écrit une espace entre deux mots.</source>
        <translation>يكتب مسافة بين كلمتين.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+63"/>
        <source>Point numérique — %s</source>
        <translation>النقطة الرقمية — %s</translation>
    </message>
    <message>
        <location line="+206"/>
        <source>Appeler un médiateur</source>
        <translation>طلب وسيط</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prévenir un médiateur du point numérique que vous avez besoin d&apos;aide</source>
        <translation>إخبار وسيط النقطة الرقمية أنك تحتاج مساعدة</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Texte plus grand</source>
        <translation>نص أكبر</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>Point numérique</source>
        <translation>النقطة الرقمية</translation>
    </message>
    <message>
        <location line="+198"/>
        <source>Agrandir ou rétablir la taille du texte</source>
        <translation>تكبير حجم النص أو إرجاعه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contraste élevé</source>
        <translation>تباين عالٍ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Texte clair sur fond noir, ou revenir aux couleurs normales</source>
        <translation>نص فاتح على خلفية سوداء، أو الرجوع إلى الألوان العادية</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Quitter la démarche</source>
        <translation>الخروج من الإجراء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tout effacer et revenir à l&apos;accueil, après une confirmation</source>
        <translation>مسح كل شيء والرجوع إلى البداية، بعد تأكيد</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>Un médiateur prend la main</source>
        <translation>وسيط يتولّى الأمر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Un médiateur tape son code pour accompagner la personne. Rien de ce qui est déjà saisi n&apos;est perdu.</source>
        <translation>يكتب الوسيط رمزه لمساعدة الشخص. لن يضيع شيء مما كُتب.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Laisser la personne continuer seule</source>
        <translation>ترك الشخص يتابع وحده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rendre la main</source>
        <translation>دع الشخص يكمل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le médiateur se retire et la personne continue seule. Rien de ce qui est déjà saisi n&apos;est perdu.</source>
        <translation>ينسحب الوسيط ويتابع الشخص وحده. لن يضيع شيء مما كُتب.</translation>
    </message>
    <message>
        <location line="+219"/>
        <source>Pas encore en ligne (connexion en cours)</source>
        <translation>غير متصل بعد (جارٍ الاتصال)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Un médiateur est appelé</source>
        <translation>تم طلب وسيط</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>État</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Simuler une coupure réseau</source>
        <translation>محاكاة انقطاع الشبكة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Démonstration : faire comme si Internet était coupé, ou le rétablir</source>
        <translation>عرض توضيحي: التصرّف كأن الإنترنت مقطوع، أو إرجاعه</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>La liste n&apos;a pas pu être imprimée.</source>
        <translation>تعذّرت طباعة القائمة.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Avec %s</source>
        <translation>مع %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Médiateur présent : %s</source>
        <translation>الوسيط الحاضر: %s</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>La correction n&apos;a pas pu commencer. Réessayez ; si cela dure, appelez l&apos;assistance informatique.</source>
        <translation>تعذّر بدء التصحيح. أعد المحاولة. إذا استمر ذلك، اتصل بالدعم المعلوماتي.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>%n demande à corriger par un médiateur</source>
        <translation>%n طلب يصحّحه وسيط</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%n demandes à corriger par un médiateur</source>
        <translation>%n طلبات يصحّحها وسيط</translation>
    </message>
</context>
<context>
    <name>MandateScreen</name>
    <message>
        <location filename="../../ui/screens/mandate.py" line="+32"/>
        <source>Le mandat à signer</source>
        <translation>التوكيل للتوقيع</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>La borne imprime le mandat en deux exemplaires. Vous le signez tous les deux : vous et la personne. Chacun garde un exemplaire. Ensuite, vous numérisez un exemplaire signé.</source>
        <translation>يطبع الجهاز التوكيل في نسختين. توقّعانه معًا: أنت والشخص. يحتفظ كل واحد بنسخة. ثم تمسح نسخة موقّعة.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Retour</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à la dernière question</source>
        <translation>الرجوع إلى السؤال الأخير</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imprimer le mandat</source>
        <translation>طباعة التوكيل</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Imprimer le mandat en deux exemplaires</source>
        <translation>طباعة التوكيل في نسختين</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continuer</source>
        <translation>متابعة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passer aux documents, pour numériser le mandat signé</source>
        <translation>الانتقال إلى المستندات لمسح التوكيل الموقّع</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Impression du mandat…</source>
        <translation>جارٍ طباعة التوكيل…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Le mandat est imprimé. Signez les deux exemplaires, puis touchez « Continuer ».</source>
        <translation>تمت طباعة التوكيل. وقّع النسختين، ثم المس « متابعة ».</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Le mandat n&apos;a pas pu être imprimé. Appelez un médiateur.</source>
        <translation>تعذّرت طباعة التوكيل. اطلب وسيطًا.</translation>
    </message>
</context>
<context>
    <name>MediatorLoginScreen</name>
    <message>
        <location filename="../../ui/mediator.py" line="+33"/>
        <source>Connexion du médiateur</source>
        <translation>دخول الوسيط</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Touchez votre nom, puis tapez votre code.</source>
        <translation>المس اسمك، ثم اكتب رمزك.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Code du médiateur</source>
        <translation>رمز الوسيط</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>De 4 à 8 chiffres</source>
        <translation>من 4 إلى 8 أرقام</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code (4 à 8 chiffres)</source>
        <translation>الرمز (من 4 إلى 8 أرقام)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Annuler</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à l&apos;écran précédent</source>
        <translation>الرجوع إلى الشاشة السابقة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valider</source>
        <translation>تأكيد</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vérifier le code</source>
        <translation>التحقق من الرمز</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> — votre code répond à l&apos;appel.</source>
        <translation> — رمزك يجيب على الطلب.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Se connecter en tant que %s</source>
        <translation>الدخول باسم %s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Aucun compte médiateur n&apos;existe sur cette borne. Demandez au support informatique d&apos;en créer un.</source>
        <translation>لا يوجد حساب وسيط في هذا الجهاز. اطلب من الدعم المعلوماتي إنشاء حساب.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Touchez d&apos;abord votre nom.</source>
        <translation>المس اسمك أولًا.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>La vérification du code a échoué. Réessayez.</source>
        <translation>فشل التحقق من الرمز. أعد المحاولة.</translation>
    </message>
</context>
<context>
    <name>PickerScreen</name>
    <message>
        <location filename="../../ui/screens/picker.py" line="+46"/>
        <source>Que voulez-vous faire ?</source>
        <translation>ماذا تريد أن تفعل؟</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ou touchez un sujet :</source>
        <translation>أو المس موضوعًا:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Voir tous les sujets</source>
        <translation>عرض كل المواضيع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à la liste des sujets</source>
        <translation>الرجوع إلى قائمة المواضيع</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Retour</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à l&apos;accueil</source>
        <translation>الرجوع إلى البداية</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chercher avec vos mots</source>
        <translation>ابحث بكلمات فرنسية</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Par exemple : j&apos;ai déménagé, permis perdu, voiture achetée en Allemagne.</source>
        <translation>مثلًا، بالفرنسية: j&apos;ai déménagé (انتقلت إلى سكن جديد)، permis perdu (رخصة ضائعة).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Écrivez ce qui vous arrive, les démarches s&apos;affichent.</source>
        <translation>اكتب بالفرنسية ما يحدث لك. تظهر الإجراءات.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chercher</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Afficher les démarches pour ces mots</source>
        <translation>عرض الإجراءات لهذه الكلمات</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Démarches trouvées. Touchez la vôtre :</source>
        <translation>الإجراءات التي وُجدت. المس إجراءك:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aucune démarche trouvée avec ces mots. Essayez d&apos;autres mots, ou touchez un sujet.</source>
        <translation>لم يوجد أي إجراء بهذه الكلمات. جرّب كلمات أخرى، أو المس موضوعًا.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%s. Touchez votre démarche :</source>
        <translation>%s. المس إجراءك:</translation>
    </message>
</context>
<context>
    <name>QueueScreen</name>
    <message>
        <location filename="../../ui/screens/queue_view.py" line="+79"/>
        <source>File d&apos;attente des demandes</source>
        <translation>قائمة انتظار الطلبات</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fermer</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quitter l&apos;espace médiateur</source>
        <translation>الخروج من فضاء الوسيط</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actualiser</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relire la file d&apos;attente</source>
        <translation>إعادة قراءة قائمة الانتظار</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Envoyer maintenant</source>
        <translation>الإرسال الآن</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lancer l&apos;envoi des demandes en attente</source>
        <translation>بدء إرسال الطلبات المنتظرة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Activité de la borne</source>
        <translation>نشاط الجهاز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Combien de demandes cette borne a enregistrées, sans données personnelles</source>
        <translation>عدد الطلبات التي سجّلها هذا الجهاز، دون بيانات شخصية</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Aucune demande sur cette borne.</source>
        <translation>لا يوجد طلب في هذا الجهاز.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attention : une demande refusée sera bientôt effacée si personne ne la corrige.</source>
        <translation>تنبيه: سيُمسح قريبًا طلب مرفوض إذا لم يصحّحه أحد.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attention : %d demandes refusées seront bientôt effacées si personne ne les corrige.</source>
        <translation>تنبيه: ستُمسح قريبًا %d طلبات مرفوضة إذا لم يصحّحها أحد.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>remplacée par %s</source>
        <translation>استُبدل بـ %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>État : %s</source>
        <translation>الحالة: %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>enregistrée le %s</source>
        <translation>سُجّل يوم %s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>essais : %d</source>
        <translation>المحاولات: %d</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dossier ANTS : %s</source>
        <translation>ملف ANTS: %s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Correction de la demande %s</source>
        <translation>تصحيح الطلب %s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sera effacée le %s si personne ne la corrige.</source>
        <translation>سيُمسح يوم %s إذا لم يصحّحه أحد.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Effacée : personne ne l&apos;a corrigée à temps. Refaites la demande avec le demandeur s&apos;il revient.</source>
        <translation>مُسح: لم يصحّحه أحد في الوقت. أعد الطلب مع مقدّمه إذا عاد.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Corrigée avec le demandeur : c&apos;est la demande %s qui est envoyée, celle-ci ne le sera jamais.</source>
        <translation>صُحّح مع مقدّم الطلب: الطلب %s هو الذي يُرسل، وهذا لن يُرسل أبدًا.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dernier problème : %s</source>
        <translation>آخر مشكلة: %s</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Corriger</source>
        <translation>تصحيح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoir la demande %s avec le demandeur et la renvoyer corrigée</source>
        <translation>مراجعة الطلب %s مع مقدّمه وإرساله مصحّحًا</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Réessayer</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renvoyer la demande %s telle quelle, sans rien changer</source>
        <translation>إعادة إرسال الطلب %s كما هو، دون تغيير</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Où en est-elle ?</source>
        <translation>أين وصل؟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demander au service central où en est le dossier de %s</source>
        <translation>سؤال الخدمة المركزية عن حالة ملف %s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Réimprimer</source>
        <translation>إعادة الطباعة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imprimer de nouveau le reçu provisoire de %s</source>
        <translation>طباعة الإيصال المؤقت لـ %s مرة أخرى</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reçu final</source>
        <translation>الإيصال النهائي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imprimer l&apos;accusé de réception de %s</source>
        <translation>طباعة إشعار الاستلام لـ %s</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Touchez « Corriger » pour revoir ces réponses ou pièces avec le demandeur. « Réessayer » renverrait la même demande, qui serait refusée de nouveau.</source>
        <translation>المس « تصحيح » لمراجعة هذه الإجابات أو المستندات مع مقدّم الطلب. « إعادة المحاولة » ترسل الطلب نفسه، فيُرفض من جديد.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>« Corriger » refait la demande avec le demandeur sous un nouveau numéro. « Réessayer » la renvoie telle quelle : seulement si l&apos;assistance informatique a réglé le problème.</source>
        <translation>« تصحيح » يعيد الطلب مع مقدّمه برقم جديد. « إعادة المحاولة » ترسله كما هو: فقط إذا حلّ الدعم المعلوماتي المشكلة.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Préparation de la correction…</source>
        <translation>جارٍ تحضير التصحيح…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>La demande est remise dans la file : elle va être envoyée.</source>
        <translation>أُعيد الطلب إلى القائمة: سيُرسل.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reçu envoyé à l&apos;imprimante.</source>
        <translation>أُرسل الإيصال إلى الطابعة.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En cours…</source>
        <translation>جارٍ…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Question posée au service central…</source>
        <translation>جارٍ سؤال الخدمة المركزية…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>une erreur inattendue s&apos;est produite ; si cela dure, prévenez le support.</source>
        <translation>حدث خطأ غير متوقع. إذا استمر ذلك، أخبر الدعم.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Impossible de savoir où en est le dossier pour l&apos;instant : %s</source>
        <translation>لا يمكن معرفة حالة الملف الآن: %s</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>L&apos;action a échoué. Réessayez ; si cela dure, prévenez le support.</source>
        <translation>فشل الإجراء. أعد المحاولة. إذا استمر ذلك، أخبر الدعم.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+5"/>
        <source>Envoi demandé. La liste se met à jour dans un instant.</source>
        <translation>طُلب الإرسال. ستتحدّث القائمة بعد لحظة.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hors ligne : les demandes restent sur la borne. Elles partiront quand le réseau reviendra.</source>
        <translation>لا يوجد اتصال: تبقى الطلبات في الجهاز. ستُرسل عند عودة الشبكة.</translation>
    </message>
</context>
<context>
    <name>QuitConfirmation</name>
    <message>
        <location filename="../../ui/quit_confirm.py" line="+18"/>
        <source>Tout effacer et revenir à l&apos;accueil ?</source>
        <translation>مسح كل شيء والرجوع إلى البداية؟</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vos réponses et vos documents seront effacés. Rien ne sera envoyé.</source>
        <translation>ستُمسح إجاباتك ومستنداتك. لن يُرسل أي شيء.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Non, je continue</source>
        <translation>لا، أتابع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fermer cette question et reprendre la démarche</source>
        <translation>إغلاق هذا السؤال والعودة إلى الإجراء</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Oui, tout effacer</source>
        <translation>نعم، مسح كل شيء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effacer la démarche en cours et revenir à l&apos;accueil</source>
        <translation>مسح الإجراء الجاري والرجوع إلى البداية</translation>
    </message>
</context>
<context>
    <name>RequirementsScreen</name>
    <message>
        <location filename="../../ui/screens/requirements.py" line="+17"/>
        <location line="+27"/>
        <source>Ce qu&apos;il vous faut</source>
        <translation>ما تحتاجه</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Retour</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à la question précédente</source>
        <translation>الرجوع إلى السؤال السابق</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imprimer la liste</source>
        <translation>طباعة القائمة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Imprimer cette liste pour l&apos;emporter</source>
        <translation>طباعة هذه القائمة لأخذها معك</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>J&apos;ai tout, continuer</source>
        <translation>عندي كل شيء، متابعة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Continuer les questions</source>
        <translation>متابعة الأسئلة</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Pour votre situation :</source>
        <translation>حسب وضعك:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>La liste est imprimée. Prenez-la dans l&apos;imprimante.</source>
        <translation>تمت طباعة القائمة. خذها من الطابعة.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Cela prend environ %d minutes.</source>
        <translation>يستغرق ذلك حوالي %d دقيقة.</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Aucun document à fournir.</source>
        <translation>لا يوجد مستند مطلوب.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Délais à respecter</source>
        <translation>المواعيد التي يجب احترامها</translation>
    </message>
</context>
<context>
    <name>StatusLookupScreen</name>
    <message>
        <location filename="../../ui/screens/status_lookup.py" line="+74"/>
        <source>Où en est ma demande ?</source>
        <translation>أين وصل طلبي؟</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Montrez le code carré de votre reçu au lecteur, à côté de l&apos;écran.</source>
        <translation>اعرض الرمز المربّع في إيصالك على القارئ، بجانب الشاشة.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ou tapez la référence écrite sur le reçu. Elle commence par PN.</source>
        <translation>أو اكتب المرجع المكتوب على الإيصال. يبدأ بـ PN.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Référence du reçu</source>
        <translation>مرجع الإيصال</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>La référence écrite sur le reçu, par exemple PN-7501-K02-000123</source>
        <translation>المرجع المكتوب على الإيصال، مثلًا PN-7501-K02-000123</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chercher</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chercher la demande</source>
        <translation>البحث عن الطلب</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Retour à l&apos;accueil</source>
        <translation>الرجوع إلى البداية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenir à l&apos;accueil et tout effacer</source>
        <translation>الرجوع إلى البداية ومسح كل شيء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imprimer</source>
        <translation>طباعة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imprimer ce qu&apos;il faut faire, pour l&apos;emporter</source>
        <translation>طباعة ما يجب فعله لأخذه معك</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chercher une autre demande</source>
        <translation>البحث عن طلب آخر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taper ou lire une autre référence de reçu</source>
        <translation>كتابة أو قراءة مرجع إيصال آخر</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Ce n&apos;est pas une référence de reçu. Elle commence par PN et finit par six chiffres, par exemple PN-7501-K02-000123.</source>
        <translation>هذا ليس مرجع إيصال. يبدأ بـ PN وينتهي بستة أرقام، مثلًا PN-7501-K02-000123.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Recherche de votre demande…</source>
        <translation>جارٍ البحث عن طلبك…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>La recherche n&apos;a pas abouti. Réessayez ; si cela dure, appelez un médiateur.</source>
        <translation>لم ينجح البحث. أعد المحاولة. إذا استمر ذلك، اطلب وسيطًا.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Impression…</source>
        <translation>جارٍ الطباعة…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>C&apos;est imprimé. Prenez la feuille.</source>
        <translation>تمت الطباعة. خذ الورقة.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>L&apos;impression n&apos;a pas abouti. Appelez un médiateur.</source>
        <translation>لم تنجح الطباعة. اطلب وسيطًا.</translation>
    </message>
</context>
<context>
    <name>Stepper</name>
    <message>
        <location filename="../../ui/screens/common.py" line="+427"/>
        <source>Étape %1 sur %2</source>
        <translation>المرحلة %1 من %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Étape suivante : %1</source>
        <translation>المرحلة التالية: %1</translation>
    </message>
</context>
<context>
    <name>StepsScreen</name>
    <message>
        <source>Lu sur le document scanné. Vérifiez.</source>
        <translation>مقروء من الوثيقة الممسوحة. تحقّق منه.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/steps.py" line="+66"/>
        <source>Retour</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à la question précédente</source>
        <translation>الرجوع إلى السؤال السابق</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+153"/>
        <location line="+14"/>
        <source>Continuer</source>
        <translation>متابعة</translation>
    </message>
    <message>
        <location line="-167"/>
        <source>Vérifier la réponse et passer à la question suivante</source>
        <translation>التحقق من الإجابة والانتقال إلى السؤال التالي</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Question %1 sur %2</source>
        <translation>السؤال %1 من %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+15"/>
        <source>Valider et revenir au récapitulatif</source>
        <translation>تأكيد والرجوع إلى الملخّص</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Étape %1 sur %2</source>
        <translation>المرحلة %1 من %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Le service central a refusé cette réponse : corrigez-la avec le demandeur.</source>
        <translation>رفضت الخدمة المركزية هذه الإجابة: صحّحها مع مقدّم الطلب.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le service central a refusé cette réponse et %n autre(s) de cette étape. Corrigez-les avec le demandeur, une à une.</source>
        <translation>رفضت الخدمة المركزية هذه الإجابة و%n غيرها في هذه المرحلة. صحّحها مع مقدّم الطلب، واحدة بعد واحدة.</translation>
    </message>
</context>
<context>
    <name>SummaryScreen</name>
    <message>
        <location filename="../../ui/screens/summary.py" line="+22"/>
        <source>Vérifiez votre demande</source>
        <translation>تحقق من طلبك</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relisez vos réponses. Si quelque chose est faux, touchez « Modifier » à côté.</source>
        <translation>أعد قراءة إجاباتك. إذا كان شيء خاطئًا، المس « تعديل » بجانبه.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Retour</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir aux documents</source>
        <translation>الرجوع إلى المستندات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tout est juste, continuer</source>
        <translation>كل شيء صحيح، متابعة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passer à l&apos;accord avant l&apos;envoi</source>
        <translation>الانتقال إلى الموافقة قبل الإرسال</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Modifier</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changer : %s</source>
        <translation>تغيير: %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modifier : %s</source>
        <translation>تعديل: %s</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Aucun document</source>
        <translation>لا يوجد مستند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aucune réponse</source>
        <translation>لا توجد إجابة</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../ui/sync_worker.py" line="+56"/>
        <source>Problème d&apos;autorisation — appelez le service informatique</source>
        <translation>مشكلة في الإذن — اتصل بالخدمة المعلوماتية</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hors ligne (coupure simulée)</source>
        <translation>غير متصل (انقطاع محاكى)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>En ligne</source>
        <translation>متصل</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pas encore en ligne (connexion en cours)</source>
        <translation>غير متصل بعد (جارٍ الاتصال)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hors ligne</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>aucune demande en attente d&apos;envoi</source>
        <translation>لا يوجد طلب ينتظر الإرسال</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 demande en attente d&apos;envoi</source>
        <translation>طلب واحد ينتظر الإرسال</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} demandes en attente d&apos;envoi</source>
        <translation>{n} طلبات تنتظر الإرسال</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vos demandes sont gardées sur la borne ({n} en attente)</source>
        <translation>طلباتك محفوظة في الجهاز ({n} تنتظر)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>envoi en cours : {sent} sur {total}</source>
        <translation>جارٍ الإرسال: {sent} من {total}</translation>
    </message>
</context>
<context>
    <name>VoiceBar</name>
    <message>
        <location filename="../../ui/voice_mode.py" line="-314"/>
        <source>Répéter</source>
        <translation>أعد</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Entendre de nouveau la page</source>
        <translation>اسمع الصفحة من جديد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Silence</source>
        <translation>صمت</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Faire taire la voix tout de suite</source>
        <translation>أوقف الصوت الآن</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Son fort</source>
        <translation>صوت عالٍ</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Changer la force du son</source>
        <translation>غيّر قوة الصوت</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Voix normale</source>
        <translation>صوت عادي</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Changer la vitesse de la voix</source>
        <translation>غيّر سرعة الصوت</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Couper la voix</source>
        <translation>أوقف الصوت</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à l&apos;écran sans voix</source>
        <translation>العودة إلى الشاشة بدون صوت</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Son doux</source>
        <translation>صوت منخفض</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Son moyen</source>
        <translation>صوت متوسط</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voix lente</source>
        <translation>صوت بطيء</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Voix rapide</source>
        <translation>صوت سريع</translation>
    </message>
</context>
<context>
    <name>VoiceMode</name>
    <message>
        <location line="-33"/>
        <source>Mode voix activé. Touchez un bouton pour l&apos;entendre. Touchez-le deux fois pour l&apos;utiliser. Pour tout réentendre, touchez « Répéter ».</source>
        <translation>الوضع الصوتي مفعّل. المس زرًا لتسمعه. المسه مرتين لتستعمله. لتسمع كل شيء من جديد، المس « أعد ».</translation>
    </message>
    <message>
        <location line="+181"/>
        <source>Mode voix coupé.</source>
        <translation>الوضع الصوتي متوقف.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Volume {0} sur 100</source>
        <translation>الصوت {0} من 100</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vitesse {0} mots par minute</source>
        <translation>السرعة {0} كلمة في الدقيقة</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Écriture : {0}</source>
        <translation>الكتابة: {0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tapé.</source>
        <translation>تمت الكتابة.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>, contient : {0}</source>
        <translation>، يحتوي على: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, vide</source>
        <translation>، فارغ</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <location filename="../../ui/screens/welcome.py" line="+27"/>
        <source>Bienvenue au point numérique</source>
        <translation>مرحبًا بك في النقطة الرقمية</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cette borne vous aide pour votre carte grise ou votre permis de conduire. Nous irons pas à pas. Vous pouvez revenir en arrière à tout moment.</source>
        <translation>هذا الجهاز يساعدك في البطاقة الرمادية أو رخصة القيادة. سنتقدّم خطوة خطوة. يمكنك الرجوع في أي وقت.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Changer la langue de la borne</source>
        <translation>تغيير لغة الجهاز</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Comment souhaitez-vous faire ?</source>
        <translation>كيف تريد أن تفعل؟</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Avec un médiateur</source>
        <translation>مع وسيط</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Un médiateur du point numérique vous accompagne. Il saisit son code.</source>
        <translation>وسيط من النقطة الرقمية يرافقك. يكتب رمزه.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seul(e)</source>
        <translation>وحدي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vous faites la démarche vous-même. Vous pouvez appeler un médiateur.</source>
        <translation>تقوم بالإجراء بنفسك. يمكنك طلب وسيط.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vous revenez avec un reçu ? Montrez son code carré au lecteur, ou touchez « Où en est ma demande ? » en bas de l&apos;écran.</source>
        <translation>هل رجعت بإيصال؟ اعرض رمزه المربّع على القارئ، أو المس « أين وصل طلبي؟ » أسفل الشاشة.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Espace médiateur</source>
        <translation>فضاء الوسيط</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Réservé aux médiateurs : file d&apos;attente des demandes et reçus.</source>
        <translation>للوسطاء فقط: قائمة انتظار الطلبات والإيصالات.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Où en est ma demande ?</source>
        <translation>أين وصل طلبي؟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retrouver une demande déjà faite, avec le reçu</source>
        <translation>إيجاد طلب قُدّم من قبل، بالإيصال</translation>
    </message>
    <message>
        <source>Commencer avec %s</source>
        <translation>ابدأ مع %s</translation>
    </message>
    <message>
        <source>Le médiateur déjà connecté vous accompagne, sans ressaisir son code.</source>
        <translation>الوسيط المتصل بالفعل يرافقك، دون إعادة إدخال رمزه.</translation>
    </message>
    <message>
        <source>Fin de service de %s</source>
        <translation>نهاية خدمة %s</translation>
    </message>
    <message>
        <source>Ce n&apos;est plus moi : le médiateur se déconnecte. Le prochain devra saisir son code.</source>
        <translation>لم أعد أنا: الوسيط يسجّل خروجه. سيُدخل الوسيط التالي رمزه.</translation>
    </message>
</context>
<context>
    <name>YesNoFieldWidget</name>
    <message>
        <location filename="../../ui/fields.py" line="+109"/>
        <source>Oui</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Non</source>
        <translation>لا</translation>
    </message>
</context>
<context>
    <name>ZoomView</name>
    <message>
        <location filename="../../ui/screens/preview.py" line="+161"/>
        <source>Touchez la page pour l&apos;agrandir. Touchez-la encore pour la voir en entier.</source>
        <translation>المس الصفحة لتكبيرها. المسها مرة أخرى لرؤيتها كاملة.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Page du document</source>
        <translation>صفحة المستند</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+65"/>
        <source>Agrandir</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Agrandir la page</source>
        <translation>تكبير الصفحة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fermer</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Fermer l&apos;aperçu</source>
        <translation>إغلاق المعاينة</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Ouverture de la page…</source>
        <translation>جارٍ فتح الصفحة…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cette page ne peut pas être affichée.</source>
        <translation>لا يمكن عرض هذه الصفحة.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Voir en entier</source>
        <translation>رؤيتها كاملة</translation>
    </message>
</context>
</TS>
