<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ActivityScreen</name>
    <message>
        <location filename="../../ui/screens/activity.py" line="+69"/>
        <source>Activité de la borne</source>
        <translation>Kiosk activity</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Combien de demandes cette borne a enregistrées. Aucune donnée personnelle : seulement des nombres.</source>
        <translation>How many requests this kiosk recorded. No personal data: only numbers.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Aujourd&apos;hui</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Compter les demandes enregistrées aujourd&apos;hui</source>
        <translation>Count the requests recorded today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>7 derniers jours</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compter les demandes des 7 derniers jours, aujourd&apos;hui compris</source>
        <translation>Count the requests of the last 7 days, today included</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>30 derniers jours</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compter les demandes des 30 derniers jours, aujourd&apos;hui compris</source>
        <translation>Count the requests of the last 30 days, today included</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à la file d&apos;attente</source>
        <translation>Go back to the queue</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Lecture de la file d&apos;attente…</source>
        <translation>Reading the queue…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>La file d&apos;attente n&apos;a pas pu être lue. Réessayez ; si cela dure, prévenez le support.</source>
        <translation>The queue could not be read. Try again; if it goes on, tell the support team.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Par démarche</source>
        <translation>By procedure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Par état</source>
        <translation>By state</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 correction d&apos;une demande refusée</source>
        <translation>1 correction of a refused request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 corrections de demandes refusées</source>
        <translation>%1 corrections of refused requests</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>La plus ancienne demande encore en attente a été enregistrée le %1 à %2.</source>
        <translation>The oldest request still waiting was recorded on %1 at %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aucune demande de cette période n&apos;attend encore.</source>
        <translation>No request of this period is still waiting.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Aucune demande enregistrée aujourd&apos;hui (%2)</source>
        <translation>No request recorded today (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 demande enregistrée aujourd&apos;hui (%2)</source>
        <translation>%1 request recorded today (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 demandes enregistrées aujourd&apos;hui (%2)</source>
        <translation>%1 requests recorded today (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aucune demande enregistrée du %2 au %3</source>
        <translation>No request recorded from %2 to %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 demande enregistrée du %2 au %3</source>
        <translation>%1 request recorded from %2 to %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 demandes enregistrées du %2 au %3</source>
        <translation>%1 requests recorded from %2 to %3</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>remplacées par une correction</source>
        <translation>replaced by a correction</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Aucune visite enregistrée sur cette période.</source>
        <translation>No visit recorded over this period.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 visite, durée moyenne %2 min</source>
        <translation>1 visit, average length %2 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 visites, durée moyenne %2 min</source>
        <translation>%1 visits, average length %2 min</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Visites par jour</source>
        <translation>Visits per day</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visites par démarche</source>
        <translation>Visits per procedure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue des visites</source>
        <translation>How visits ended</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seul ou accompagné</source>
        <translation>Alone or assisted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Autonomie (selon le médiateur)</source>
        <translation>Autonomy (as the mediator judged it)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Durée des visites</source>
        <translation>Length of visits</translation>
    </message>
</context>
<context>
    <name>AutonomyPanel</name>
    <message>
        <location filename="../../ui/autonomy.py" line="+40"/>
        <source>Pour le médiateur : la personne a fait sa démarche…</source>
        <translation>For the mediator: the person did their procedure…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accompagnée de bout en bout</source>
        <translation>Helped from start to end</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En partie seule</source>
        <translation>Partly alone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seule</source>
        <translation>Alone</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Autonomie de la personne : %s</source>
        <translation>Person&apos;s autonomy: %s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Noté pour le bilan d&apos;activité. Merci.</source>
        <translation>Noted for the activity report. Thank you.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compléter le compte rendu (facultatif)</source>
        <translation>Complete the report (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compléter le compte rendu (facultatif) : âge, situation, orientation, sans nom</source>
        <translation>Complete the report (optional): age, situation, referral, no name</translation>
    </message>
</context>
<context>
    <name>CallView</name>
    <message>
        <location filename="../../ui/call_view.py" line="+29"/>
        <source>Annuler l&apos;appel</source>
        <translation>Cancel the call</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vous n&apos;avez plus besoin d&apos;un médiateur</source>
        <translation>You no longer need a mediator</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Besoin d&apos;aide ?</source>
        <translation>Need help?</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Un médiateur est appelé. Restez ici.</source>
        <translation>A mediator has been called. Stay here.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Aucun appel</source>
        <translation>No call</translation>
    </message>
</context>
<context>
    <name>ConfirmationScreen</name>
    <message>
        <location filename="../../ui/screens/confirmation.py" line="+40"/>
        <source>Votre demande est enregistrée</source>
        <translation>Your request is saved</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Et maintenant ?</source>
        <translation>What happens now?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Réessayer l&apos;impression</source>
        <translation>Try printing again</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>J&apos;ai terminé</source>
        <translation>I have finished</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Terminer et effacer la session</source>
        <translation>Finish and clear the session</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Imprimer à nouveau le reçu</source>
        <translation>Print the receipt again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imprimer l&apos;accusé de réception</source>
        <translation>Print the acknowledgement of receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imprimer le reçu avec le numéro de dossier</source>
        <translation>Print the receipt with the file number</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Votre référence : %s</source>
        <translation>Your reference: %s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nous attendons la réponse du service pour imprimer votre reçu…</source>
        <translation>We are waiting for the service&apos;s answer to print your receipt…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Impression de votre reçu…</source>
        <translation>Printing your receipt…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Votre reçu est imprimé. Prenez-le dans l&apos;imprimante et gardez-le.</source>
        <translation>Your receipt is printed. Take it from the printer and keep it.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Le reçu n&apos;a pas pu être imprimé.</source>
        <translation>The receipt could not be printed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 Votre demande est bien enregistrée. Notez le numéro ci-dessus ou appelez un médiateur.</source>
        <translation>%1 Your request is saved all the same. Write down the number above or call a mediator.</translation>
    </message>
</context>
<context>
    <name>ConsentScreen</name>
    <message>
        <location filename="../../ui/screens/consent.py" line="+50"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir au récapitulatif</source>
        <translation>Go back to the summary</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Donner votre accord et enregistrer la demande sur la borne</source>
        <translation>Give your agreement and save the request on the kiosk</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Enregistrement de votre demande… Merci de patienter.</source>
        <translation>Saving your request… Please wait.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>La demande n&apos;a pas pu être enregistrée sur la borne. Rien n&apos;est perdu : vos réponses sont toujours là. Touchez « Réessayer » ou appelez un médiateur.</source>
        <translation>The request could not be saved on the kiosk. Nothing is lost: your answers are still here. Touch “Try again” or call a mediator.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Réessayer l&apos;enregistrement</source>
        <translation>Try saving again</translation>
    </message>
</context>
<context>
    <name>CorrectionScreen</name>
    <message>
        <location filename="../../ui/screens/correction.py" line="+33"/>
        <source>Corriger une demande refusée</source>
        <translation>Correct a refused request</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ce que le service central a refusé</source>
        <translation>What the central service refused</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>À savoir avant de commencer</source>
        <translation>Good to know before you start</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comment faire</source>
        <translation>How to do it</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Retour à la file</source>
        <translation>Back to the queue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à la file d&apos;attente sans rien changer</source>
        <translation>Go back to the queue without changing anything</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commencer la correction</source>
        <translation>Start the correction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoir la demande avec le demandeur, les réponses refusées signalées en rouge</source>
        <translation>Go over the request with the applicant; refused answers are shown in red</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Corriger la demande %s</source>
        <translation>Correct request %s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Le service central n&apos;a pas donné de raison.</source>
        <translation>The central service gave no reason.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Revoyez la demande avec le demandeur : les réponses et pièces refusées sont signalées en rouge, les autres sont déjà remplies.</source>
        <translation>Go over the request with the applicant: refused answers and documents are shown in red, the others are already filled in.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le demandeur relit le récapitulatif puis redonne son accord.</source>
        <translation>The applicant reads the summary again, then gives their agreement again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>La demande corrigée reçoit un nouveau numéro et un nouveau reçu ; elle remplace la demande %s, qui ne sera jamais envoyée.</source>
        <translation>The corrected request gets a new number and a new receipt; it replaces request %s, which will never be sent.</translation>
    </message>
</context>
<context>
    <name>CraForm</name>
    <message>
        <location filename="../../ui/autonomy.py" line="+43"/>
        <source>Tranche d&apos;âge</source>
        <translation>Age group</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Non renseignée</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Moins de 12 ans</source>
        <translation>Under 12</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>12 à 17 ans</source>
        <translation>12 to 17</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>18 à 24 ans</source>
        <translation>18 to 24</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>25 à 39 ans</source>
        <translation>25 to 39</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>40 à 59 ans</source>
        <translation>40 to 59</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>60 à 69 ans</source>
        <translation>60 to 69</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>70 ans et plus</source>
        <translation>70 and over</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <source>Non communiquée</source>
        <translation>Not told</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Genre</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non renseigné</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Féminin</source>
        <translation>Female</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masculin</source>
        <translation>Male</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Non communiqué</source>
        <translation>Not told</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scolarisé</source>
        <translation>At school</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sans emploi</source>
        <translation>Out of work</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>En emploi</source>
        <translation>In work</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retraité</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Orientée vers</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personne (démarche faite ici)</source>
        <translation>Nobody (procedure done here)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Un opérateur</source>
        <translation>An operator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Une aide administrative</source>
        <translation>An administrative help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Une administration</source>
        <translation>An administration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Une médiation numérique</source>
        <translation>A digital mediation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Autre</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>Sans téléphone mobile</source>
        <translation>No mobile phone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enregistrer le compte rendu</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enregistrer le compte rendu, sans nom</source>
        <translation>Save the report, without a name</translation>
    </message>
</context>
<context>
    <name>DateFieldWidget</name>
    <message>
        <location filename="../../ui/fields.py" line="+289"/>
        <source>Jour</source>
        <translation>Day</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Le jour, en chiffres, par exemple 05</source>
        <translation>The day, in figures, for example 05</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mois</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Le mois, en chiffres, par exemple 03</source>
        <translation>The month, in figures, for example 03</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Année</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>L&apos;année, 4 chiffres, par exemple 1950</source>
        <translation>The year, 4 figures, for example 1950</translation>
    </message>
</context>
<context>
    <name>DocumentChooserScreen</name>
    <message>
        <source>Date lue sur le document. Vérifiez-la.</source>
        <translation>Date read on the document. Please check it.</translation>
    </message>
    <message>
        <source>Scannez d&apos;abord : %s</source>
        <translation>Scan first: %s</translation>
    </message>
    <message>
        <source>La borne y lit le nom et l&apos;adresse. Vous les vérifiez ensuite avec la personne.</source>
        <translation>The kiosk reads the name and the address on it. You then check them with the person.</translation>
    </message>
    <message>
        <source>La borne y lit l&apos;adresse. Vous la vérifiez ensuite avec la personne.</source>
        <translation>The kiosk reads the address on it. You then check it with the person.</translation>
    </message>
    <message>
        <source>Passer</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Répondre d&apos;abord aux questions, ajouter le document ensuite</source>
        <translation>Answer the questions first, add the document afterwards</translation>
    </message>
    <message>
        <location filename="../../ui/screens/document_chooser.py" line="+68"/>
        <source>Choisir le document</source>
        <translation>Choose the document</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Aucun document numérisé pour l&apos;instant. Posez le document sur le scanner et lancez la numérisation : il apparaîtra ici tout seul.</source>
        <translation>No scanned document yet. Put the document on the scanner and start scanning: it will appear here by itself.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à la liste des documents</source>
        <translation>Go back to the list of documents</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+171"/>
        <source>Autre fichier…</source>
        <translation>Other file…</translation>
    </message>
    <message>
        <location line="-170"/>
        <source>Réservé au médiateur : choisir un fichier dans un autre dossier autorisé</source>
        <translation>For mediators only: choose a file in another allowed folder</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Oui, l&apos;utiliser aussi ici</source>
        <translation>Yes, use it here too</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utiliser ce document une deuxième fois</source>
        <translation>Use this document a second time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non, en choisir un autre</source>
        <translation>No, choose another one</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenir à la liste des documents numérisés</source>
        <translation>Go back to the list of scanned documents</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Quelle date est écrite sur ce document ?</source>
        <translation>What date is written on this document?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regardez la date de la facture, de l&apos;avis ou du papier. Le jour, le mois, puis l&apos;année.</source>
        <translation>Look at the date of the bill, the notice or the paper. The day, the month, then the year.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Valider la date</source>
        <translation>Confirm the date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vérifier la date et ajouter le document</source>
        <translation>Check the date and add the document</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Agrandir le document numérisé %s</source>
        <translation>Enlarge the document scanned %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voir la page en grand</source>
        <translation>See the page large</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+34"/>
        <source>Numérisé %s</source>
        <translation>Scanned %s</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Touchez l&apos;image pour la voir en grand.</source>
        <translation>Touch the picture to see it large.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Déjà utilisé pour : %s</source>
        <translation>Already used for: %s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Utiliser</source>
        <translation>Use</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Utiliser ce document, numérisé %s</source>
        <translation>Use this document, scanned %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utiliser le document numérisé %s</source>
        <translation>Use the document scanned %s</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Ce document ne peut pas être affiché. Numérisez-le à nouveau.</source>
        <translation>This document cannot be shown. Scan it again.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Documents numérisés</source>
        <translation>Scanned documents</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Ce document est déjà utilisé pour : %1. Voulez-vous l&apos;utiliser aussi pour « %2 » ?</source>
        <translation>This document is already used for: %1. Do you want to use it for “%2” too?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Vérification du document…</source>
        <translation>Checking the document…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Le document est lisible. Il reste à dire sa date.</source>
        <translation>The document is readable. Now give its date.</translation>
    </message>
    <message>
        <location line="-164"/>
        <source>Choisir : %s</source>
        <translation>Choose: %s</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>Ce fichier ne peut pas être utilisé. Numérisez le document à nouveau.</source>
        <translation>This file cannot be used. Scan the document again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document refusé : %s</source>
        <translation>Document refused: %s</translation>
    </message>
</context>
<context>
    <name>DocumentsScreen</name>
    <message>
        <location filename="../../ui/screens/documents.py" line="+35"/>
        <source>Vos documents</source>
        <translation>Your documents</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pour chaque document, posez-le sur le scanner, puis touchez « Ajouter ». Un document « facultatif » peut être laissé de côté.</source>
        <translation>For each document, put it on the scanner, then touch “Add”. An “optional” document can be left out.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir aux questions</source>
        <translation>Go back to the questions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passer au récapitulatif de la demande</source>
        <translation>Go on to the summary of the request</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cette démarche ne demande aucun document. Touchez « Continuer ».</source>
        <translation>This procedure needs no document. Touch “Continue”.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Touchez « Remplacer » pour numériser le document de nouveau. Ou gardez-le s&apos;il est lisible et juste : il sera envoyé de nouveau.</source>
        <translation>Touch “Replace” to scan the document again. Or keep it if it is clear and right: it will be sent again.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Obligatoire</source>
        <translation>Required</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Facultatif</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✔ Ajouté</source>
        <translation>✔ Added</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pas encore ajouté</source>
        <translation>Not added yet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aperçu : %s</source>
        <translation>Preview: %s</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remplacer</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choisir le fichier pour : %s</source>
        <translation>Choose the file for: %s</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Voir en grand</source>
        <translation>See large</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Voir la page en grand : %s</source>
        <translation>See the page large: %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voir en grand : %s</source>
        <translation>See large: %s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Retirer le fichier : %s</source>
        <translation>Remove the file: %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retirer : %s</source>
        <translation>Remove: %s</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Il manque encore : %s. Ajoutez-les pour continuer.</source>
        <translation>Still missing: %s. Add them to continue.</translation>
    </message>
</context>
<context>
    <name>EndScreen</name>
    <message>
        <location filename="../../ui/screens/end.py" line="+18"/>
        <source>Merci, c&apos;est terminé</source>
        <translation>Thank you, you are done</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gardez bien votre reçu : il prouve que votre demande est faite. Vos informations vont maintenant être effacées de l&apos;écran.</source>
        <translation>Keep your receipt safe: it proves your request is made. Your information will now be cleared from the screen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Si vous avez une question, un médiateur du point numérique peut vous aider.</source>
        <translation>If you have a question, a mediator of the digital point can help you.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Retour à l&apos;accueil</source>
        <translation>Back to the start</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Effacer la session et revenir à l&apos;accueil</source>
        <translation>Clear the session and go back to the start</translation>
    </message>
</context>
<context>
    <name>FieldWidget</name>
    <message>
        <location filename="../../ui/fields.py" line="-239"/>
        <source>%s (facultatif)</source>
        <translation>%s (optional)</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+17"/>
        <source>Exemple : %s</source>
        <translation>Example: %s</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Remplir avec cette réponse</source>
        <translation>Fill in with this answer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 : proposition %2</source>
        <translation>%1: suggestion %2</translation>
    </message>
</context>
<context>
    <name>FilePicker</name>
    <message>
        <location filename="../../ui/screens/file_picker.py" line="+47"/>
        <source>Dossier précédent</source>
        <translation>Previous folder</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir au dossier précédent</source>
        <translation>Go back to the previous folder</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ce dossier ne contient aucun document.</source>
        <translation>This folder holds no document.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Numérisations</source>
        <translation>Scans</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choisissez un dossier</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Dossier : %s</source>
        <translation>Folder: %s</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Dossier %s</source>
        <translation>Folder %s</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ouvrir ce dossier</source>
        <translation>Open this folder</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choisir ce fichier</source>
        <translation>Choose this file</translation>
    </message>
</context>
<context>
    <name>ForWhomScreen</name>
    <message>
        <location filename="../../ui/screens/for_whom.py" line="+26"/>
        <source>Pour qui faites-vous cette démarche ?</source>
        <translation>Who are you doing this procedure for?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vous pouvez faire la démarche pour vous, ou pour une autre personne. Touchez la bonne réponse.</source>
        <translation>You can do the procedure for yourself, or for another person. Touch the right answer.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choisir une autre démarche</source>
        <translation>Choose another procedure</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../ui/idle.py" line="+157"/>
        <source>Êtes-vous toujours là ?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Encore du temps</source>
        <translation>More time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Garder la démarche en cours et continuer</source>
        <translation>Keep the procedure in progress and go on</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tout effacer maintenant</source>
        <translation>Clear everything now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effacer tout ce qui a été saisi et revenir à l&apos;accueil</source>
        <translation>Clear everything typed and go back to the start</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n secondes</source>
        <translation>
            <numerusform>%n seconds</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Sans réponse, votre démarche sera effacée dans %n secondes pour protéger vos informations.</source>
        <translation>
            <numerusform>Without an answer, your procedure will be cleared in %n second to protect your information.</numerusform>
            <numerusform>Without an answer, your procedure will be cleared in %n seconds to protect your information.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <location filename="../../ui/screens/requirements.py" line="+34"/>
        <source> (facultatif)</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Je ne l&apos;ai pas</source>
        <translation>I do not have it</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Que faire sans : %s</source>
        <translation>What to do without: %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Je ne l&apos;ai pas : %s</source>
        <translation>I do not have it: %s</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <location filename="../../ui/keyboard.py" line="+53"/>
        <source>apostrophe</source>
        <translation>apostrophe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trait d&apos;union</source>
        <translation>hyphen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>arobase</source>
        <translation>at sign</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>point</source>
        <translation>full stop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>virgule</source>
        <translation>comma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>barre oblique</source>
        <translation>slash</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../ui/voice_mode.py" line="+415"/>
        <source>Touche {key}</source>
        <translation>Key {key}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Écrit « {key} » dans le champ.</source>
        <translation>Types “{key}” in the field.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>⌫ Effacer</source>
        <translation>⌫ Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effacer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Efface le caractère avant le curseur.</source>
        <translation>Deletes the character before the cursor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK, valider</source>
        <translation>OK, confirm</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Maj, majuscule</source>
        <translation>Shift, capital</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Verr. Maj, verrouiller les majuscules</source>
        <translation>Caps Lock, lock capitals</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Valide le champ et ferme le clavier.</source>
        <translation>Confirms the field and closes the keyboard.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>⇧ Maj</source>
        <translation>⇧ Shift</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>La prochaine lettre sera une majuscule.</source>
        <translation>The next letter will be a capital.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verr. Maj</source>
        <translation>Caps Lock</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Toutes les lettres seront des majuscules, jusqu&apos;au prochain appui.</source>
        <translation>Every letter will be a capital until pressed again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Espace</source>
        <translation>Space</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Écrit une espace entre deux mots.</source>
        <translation>Types a space between two words.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+63"/>
        <source>Point numérique — %s</source>
        <translation>Digital point — %s</translation>
    </message>
    <message>
        <location line="+206"/>
        <source>Appeler un médiateur</source>
        <translation>Call a mediator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prévenir un médiateur du point numérique que vous avez besoin d&apos;aide</source>
        <translation>Tell a mediator of the digital point that you need help</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Texte plus grand</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>Point numérique</source>
        <translation>Digital point</translation>
    </message>
    <message>
        <location line="+198"/>
        <source>Agrandir ou rétablir la taille du texte</source>
        <translation>Make the text larger, or back to normal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contraste élevé</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Texte clair sur fond noir, ou revenir aux couleurs normales</source>
        <translation>Light text on a black background, or back to the normal colours</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Quitter la démarche</source>
        <translation>Leave the procedure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tout effacer et revenir à l&apos;accueil, après une confirmation</source>
        <translation>Clear everything and go back to the start, after a confirmation</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>Un médiateur prend la main</source>
        <translation>A mediator takes over</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Un médiateur tape son code pour accompagner la personne. Rien de ce qui est déjà saisi n&apos;est perdu.</source>
        <translation>A mediator types their code to help the person. Nothing already entered is lost.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Laisser la personne continuer seule</source>
        <translation>Let the person carry on alone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rendre la main</source>
        <translation>Hand back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le médiateur se retire et la personne continue seule. Rien de ce qui est déjà saisi n&apos;est perdu.</source>
        <translation>The mediator steps back and the person carries on alone. Nothing already entered is lost.</translation>
    </message>
    <message>
        <location line="+219"/>
        <source>Pas encore en ligne (connexion en cours)</source>
        <translation>Not online yet (connecting)</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>La liste n&apos;a pas pu être imprimée.</source>
        <translation>The list could not be printed.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Avec %s</source>
        <translation>With %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Médiateur présent : %s</source>
        <translation>Mediator present: %s</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>%n demande à corriger par un médiateur</source>
        <translation>%n request to be corrected by a mediator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%n demandes à corriger par un médiateur</source>
        <translation>%n requests to be corrected by a mediator</translation>
    </message>
    <message>
        <location line="-286"/>
        <source>Un médiateur est appelé</source>
        <translation>A mediator has been called</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Simuler une coupure réseau</source>
        <translation>Simulate a network outage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Démonstration : faire comme si Internet était coupé, ou le rétablir</source>
        <translation>Demonstration: act as if the Internet were down, or bring it back</translation>
    </message>
    <message>
        <location line="+204"/>
        <source>La correction n&apos;a pas pu commencer. Réessayez ; si cela dure, appelez l&apos;assistance informatique.</source>
        <translation>The correction could not start. Try again; if it goes on, call IT support.</translation>
    </message>
</context>
<context>
    <name>MandateScreen</name>
    <message>
        <location filename="../../ui/screens/mandate.py" line="+32"/>
        <source>Le mandat à signer</source>
        <translation>The mandate to sign</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>La borne imprime le mandat en deux exemplaires. Vous le signez tous les deux : vous et la personne. Chacun garde un exemplaire. Ensuite, vous numérisez un exemplaire signé.</source>
        <translation>The kiosk prints the mandate in two copies. You both sign it: you and the person. Each keeps a copy. Then you scan one signed copy.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à la dernière question</source>
        <translation>Go back to the last question</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imprimer le mandat</source>
        <translation>Print the mandate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Imprimer le mandat en deux exemplaires</source>
        <translation>Print the mandate in two copies</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passer aux documents, pour numériser le mandat signé</source>
        <translation>Go on to the documents, to scan the signed mandate</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Impression du mandat…</source>
        <translation>Printing the mandate…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Le mandat est imprimé. Signez les deux exemplaires, puis touchez « Continuer ».</source>
        <translation>The mandate is printed. Sign both copies, then touch “Continue”.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Le mandat n&apos;a pas pu être imprimé. Appelez un médiateur.</source>
        <translation>The mandate could not be printed. Call a mediator.</translation>
    </message>
</context>
<context>
    <name>MediatorLoginScreen</name>
    <message>
        <location filename="../../ui/mediator.py" line="+33"/>
        <source>Connexion du médiateur</source>
        <translation>Mediator sign-in</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Touchez votre nom, puis tapez votre code.</source>
        <translation>Touch your name, then type your code.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Code du médiateur</source>
        <translation>Mediator code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>De 4 à 8 chiffres</source>
        <translation>4 to 8 figures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code (4 à 8 chiffres)</source>
        <translation>Code (4 to 8 figures)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à l&apos;écran précédent</source>
        <translation>Go back to the previous screen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valider</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vérifier le code</source>
        <translation>Check the code</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> — votre code répond à l&apos;appel.</source>
        <translation> — your code answers the call.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Se connecter en tant que %s</source>
        <translation>Sign in as %s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Aucun compte médiateur n&apos;existe sur cette borne. Demandez au support informatique d&apos;en créer un.</source>
        <translation>There is no mediator account on this kiosk. Ask IT support to create one.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Touchez d&apos;abord votre nom.</source>
        <translation>Touch your name first.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>La vérification du code a échoué. Réessayez.</source>
        <translation>The code check failed. Try again.</translation>
    </message>
</context>
<context>
    <name>PickerScreen</name>
    <message>
        <location filename="../../ui/screens/picker.py" line="+46"/>
        <source>Que voulez-vous faire ?</source>
        <translation>What do you want to do?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ou touchez un sujet :</source>
        <translation>Or touch a subject:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Voir tous les sujets</source>
        <translation>See all subjects</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à la liste des sujets</source>
        <translation>Back to the list of subjects</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à l&apos;accueil</source>
        <translation>Go back to the start</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chercher avec vos mots</source>
        <translation>Search with words in French</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Par exemple : j&apos;ai déménagé, permis perdu, voiture achetée en Allemagne.</source>
        <translation>For example, in French: j&apos;ai déménagé (I moved), permis perdu (lost licence).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Écrivez ce qui vous arrive, les démarches s&apos;affichent.</source>
        <translation>Write in French what is happening to you. The requests appear.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chercher</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Afficher les démarches pour ces mots</source>
        <translation>Show the requests for these words</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Démarches trouvées. Touchez la vôtre :</source>
        <translation>Requests found. Touch yours:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aucune démarche trouvée avec ces mots. Essayez d&apos;autres mots, ou touchez un sujet.</source>
        <translation>No request found with these words. Try other words, or touch a subject.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%s. Touchez votre démarche :</source>
        <translation>%s. Touch your request:</translation>
    </message>
</context>
<context>
    <name>QueueScreen</name>
    <message>
        <location filename="../../ui/screens/queue_view.py" line="+79"/>
        <source>File d&apos;attente des demandes</source>
        <translation>Queue of requests</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quitter l&apos;espace médiateur</source>
        <translation>Leave the mediator area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relire la file d&apos;attente</source>
        <translation>Read the queue again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Envoyer maintenant</source>
        <translation>Send now</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lancer l&apos;envoi des demandes en attente</source>
        <translation>Start sending the waiting requests</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Activité de la borne</source>
        <translation>Kiosk activity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Combien de demandes cette borne a enregistrées, sans données personnelles</source>
        <translation>How many requests this kiosk recorded, without personal data</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Aucune demande sur cette borne.</source>
        <translation>No request on this kiosk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attention : une demande refusée sera bientôt effacée si personne ne la corrige.</source>
        <translation>Warning: a refused request will soon be erased if nobody corrects it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attention : %d demandes refusées seront bientôt effacées si personne ne les corrige.</source>
        <translation>Warning: %d refused requests will soon be erased if nobody corrects them.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>remplacée par %s</source>
        <translation>replaced by %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>État : %s</source>
        <translation>Status: %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>enregistrée le %s</source>
        <translation>saved on %s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>essais : %d</source>
        <translation>attempts: %d</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dossier ANTS : %s</source>
        <translation>ANTS file: %s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Correction de la demande %s</source>
        <translation>Correction of request %s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sera effacée le %s si personne ne la corrige.</source>
        <translation>Will be erased on %s if nobody corrects it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Effacée : personne ne l&apos;a corrigée à temps. Refaites la demande avec le demandeur s&apos;il revient.</source>
        <translation>Erased: nobody corrected it in time. Make the request again with the applicant if they come back.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Corrigée avec le demandeur : c&apos;est la demande %s qui est envoyée, celle-ci ne le sera jamais.</source>
        <translation>Corrected with the applicant: request %s is the one sent, this one never will be.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dernier problème : %s</source>
        <translation>Last problem: %s</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Corriger</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoir la demande %s avec le demandeur et la renvoyer corrigée</source>
        <translation>Go over request %s with the applicant and send it again, corrected</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Réessayer</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renvoyer la demande %s telle quelle, sans rien changer</source>
        <translation>Send request %s again as it is, without changing anything</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Où en est-elle ?</source>
        <translation>Where does it stand?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demander au service central où en est le dossier de %s</source>
        <translation>Ask the central service where the file of %s stands</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Réimprimer</source>
        <translation>Print again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imprimer de nouveau le reçu provisoire de %s</source>
        <translation>Print the provisional receipt of %s again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reçu final</source>
        <translation>Final receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imprimer l&apos;accusé de réception de %s</source>
        <translation>Print the acknowledgement of receipt of %s</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Touchez « Corriger » pour revoir ces réponses ou pièces avec le demandeur. « Réessayer » renverrait la même demande, qui serait refusée de nouveau.</source>
        <translation>Touch “Correct” to go over these answers or documents with the applicant. “Try again” would send the same request, which would be refused again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>« Corriger » refait la demande avec le demandeur sous un nouveau numéro. « Réessayer » la renvoie telle quelle : seulement si l&apos;assistance informatique a réglé le problème.</source>
        <translation>“Correct” makes the request again with the applicant under a new number. “Try again” sends it again as it is: only if IT support has fixed the problem.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Préparation de la correction…</source>
        <translation>Preparing the correction…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>La demande est remise dans la file : elle va être envoyée.</source>
        <translation>The request is back in the queue: it will be sent.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reçu envoyé à l&apos;imprimante.</source>
        <translation>Receipt sent to the printer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En cours…</source>
        <translation>In progress…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Question posée au service central…</source>
        <translation>Asking the central service…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>une erreur inattendue s&apos;est produite ; si cela dure, prévenez le support.</source>
        <translation>an unexpected error occurred; if it goes on, tell the support team.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Impossible de savoir où en est le dossier pour l&apos;instant : %s</source>
        <translation>Cannot tell where the file stands for now: %s</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>L&apos;action a échoué. Réessayez ; si cela dure, prévenez le support.</source>
        <translation>The action failed. Try again; if it goes on, tell support.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+5"/>
        <source>Envoi demandé. La liste se met à jour dans un instant.</source>
        <translation>Sending asked for. The list updates in a moment.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hors ligne : les demandes restent sur la borne. Elles partiront quand le réseau reviendra.</source>
        <translation>Offline: the requests stay on the kiosk. They will be sent when the network is back.</translation>
    </message>
</context>
<context>
    <name>QuitConfirmation</name>
    <message>
        <location filename="../../ui/quit_confirm.py" line="+18"/>
        <source>Tout effacer et revenir à l&apos;accueil ?</source>
        <translation>Clear everything and go back to the start?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vos réponses et vos documents seront effacés. Rien ne sera envoyé.</source>
        <translation>Your answers and your documents will be cleared. Nothing will be sent.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Non, je continue</source>
        <translation>No, I carry on</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fermer cette question et reprendre la démarche</source>
        <translation>Close this question and go back to the procedure</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Oui, tout effacer</source>
        <translation>Yes, clear everything</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effacer la démarche en cours et revenir à l&apos;accueil</source>
        <translation>Clear the procedure in progress and go back to the start</translation>
    </message>
</context>
<context>
    <name>RequirementsScreen</name>
    <message>
        <location filename="../../ui/screens/requirements.py" line="+17"/>
        <location line="+27"/>
        <source>Ce qu&apos;il vous faut</source>
        <translation>What you need</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à la question précédente</source>
        <translation>Go back to the previous question</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imprimer la liste</source>
        <translation>Print the list</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Imprimer cette liste pour l&apos;emporter</source>
        <translation>Print this list to take it with you</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>J&apos;ai tout, continuer</source>
        <translation>I have everything, continue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Continuer les questions</source>
        <translation>Go on with the questions</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Pour votre situation :</source>
        <translation>For your situation:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>La liste est imprimée. Prenez-la dans l&apos;imprimante.</source>
        <translation>The list is printed. Take it from the printer.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Cela prend environ %d minutes.</source>
        <translation>It takes about %d minutes.</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Aucun document à fournir.</source>
        <translation>No document to provide.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Délais à respecter</source>
        <translation>Deadlines to keep</translation>
    </message>
</context>
<context>
    <name>StatusLookupScreen</name>
    <message>
        <location filename="../../ui/screens/status_lookup.py" line="+74"/>
        <source>Où en est ma demande ?</source>
        <translation>Where is my request?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Montrez le code carré de votre reçu au lecteur, à côté de l&apos;écran.</source>
        <translation>Show the square code of your receipt to the reader, next to the screen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ou tapez la référence écrite sur le reçu. Elle commence par PN.</source>
        <translation>Or type the reference written on the receipt. It starts with PN.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Référence du reçu</source>
        <translation>Receipt reference</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>La référence écrite sur le reçu, par exemple PN-7501-K02-000123</source>
        <translation>The reference written on the receipt, for example PN-7501-K02-000123</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chercher</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chercher la demande</source>
        <translation>Search for the request</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Retour à l&apos;accueil</source>
        <translation>Back to the start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenir à l&apos;accueil et tout effacer</source>
        <translation>Go back to the start and clear everything</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imprimer</source>
        <translation>Print</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imprimer ce qu&apos;il faut faire, pour l&apos;emporter</source>
        <translation>Print what to do, to take it with you</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chercher une autre demande</source>
        <translation>Search for another request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taper ou lire une autre référence de reçu</source>
        <translation>Type or read another receipt reference</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Ce n&apos;est pas une référence de reçu. Elle commence par PN et finit par six chiffres, par exemple PN-7501-K02-000123.</source>
        <translation>This is not a receipt reference. It starts with PN and ends with six digits, for example PN-7501-K02-000123.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Recherche de votre demande…</source>
        <translation>Searching for your request…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>La recherche n&apos;a pas abouti. Réessayez ; si cela dure, appelez un médiateur.</source>
        <translation>The search did not work. Try again; if it goes on, call a mediator.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Impression…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>C&apos;est imprimé. Prenez la feuille.</source>
        <translation>It is printed. Take the sheet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>L&apos;impression n&apos;a pas abouti. Appelez un médiateur.</source>
        <translation>Printing did not work. Call a mediator.</translation>
    </message>
</context>
<context>
    <name>Stepper</name>
    <message>
        <location filename="../../ui/screens/common.py" line="+427"/>
        <source>Étape %1 sur %2</source>
        <translation>Step %1 of %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Étape suivante : %1</source>
        <translation>Next step: %1</translation>
    </message>
</context>
<context>
    <name>StepsScreen</name>
    <message>
        <source>Lu sur le document scanné. Vérifiez.</source>
        <translation>Read on the scanned document. Please check.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/steps.py" line="+66"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à la question précédente</source>
        <translation>Go back to the previous question</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+153"/>
        <location line="+14"/>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location line="-167"/>
        <source>Vérifier la réponse et passer à la question suivante</source>
        <translation>Check the answer and go on to the next question</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Question %1 sur %2</source>
        <translation>Question %1 of %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+15"/>
        <source>Valider et revenir au récapitulatif</source>
        <translation>Confirm and go back to the summary</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Étape %1 sur %2</source>
        <translation>Step %1 of %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Le service central a refusé cette réponse : corrigez-la avec le demandeur.</source>
        <translation>The central service refused this answer: correct it with the applicant.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le service central a refusé cette réponse et %n autre(s) de cette étape. Corrigez-les avec le demandeur, une à une.</source>
        <translation>The central service refused this answer and %n other(s) in this step. Correct them with the applicant, one by one.</translation>
    </message>
</context>
<context>
    <name>SummaryScreen</name>
    <message>
        <location filename="../../ui/screens/summary.py" line="+22"/>
        <source>Vérifiez votre demande</source>
        <translation>Check your request</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relisez vos réponses. Si quelque chose est faux, touchez « Modifier » à côté.</source>
        <translation>Read your answers again. If something is wrong, touch “Change” next to it.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir aux documents</source>
        <translation>Go back to the documents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tout est juste, continuer</source>
        <translation>All is right, continue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passer à l&apos;accord avant l&apos;envoi</source>
        <translation>Go on to the agreement before sending</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Modifier</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changer : %s</source>
        <translation>Change: %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modifier : %s</source>
        <translation>Change: %s</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Aucun document</source>
        <translation>No document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aucune réponse</source>
        <translation>No answer</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../ui/sync_worker.py" line="+56"/>
        <source>Problème d&apos;autorisation — appelez le service informatique</source>
        <translation>Authorisation problem — call IT support</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hors ligne (coupure simulée)</source>
        <translation>Offline (simulated outage)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>En ligne</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pas encore en ligne (connexion en cours)</source>
        <translation>Not online yet (connecting)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hors ligne</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>aucune demande en attente d&apos;envoi</source>
        <translation>no request waiting to be sent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 demande en attente d&apos;envoi</source>
        <translation>1 request waiting to be sent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} demandes en attente d&apos;envoi</source>
        <translation>{n} requests waiting to be sent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vos demandes sont gardées sur la borne ({n} en attente)</source>
        <translation>your requests are kept on the kiosk ({n} waiting)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>envoi en cours : {sent} sur {total}</source>
        <translation>sending: {sent} of {total}</translation>
    </message>
</context>
<context>
    <name>VoiceBar</name>
    <message>
        <location filename="../../ui/voice_mode.py" line="-314"/>
        <source>Répéter</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Entendre de nouveau la page</source>
        <translation>Hear the page again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Silence</source>
        <translation>Silence</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Faire taire la voix tout de suite</source>
        <translation>Stop the voice now</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Son fort</source>
        <translation>Loud</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Changer la force du son</source>
        <translation>Change how loud the voice is</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Voix normale</source>
        <translation>Normal voice</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Changer la vitesse de la voix</source>
        <translation>Change how fast the voice speaks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Couper la voix</source>
        <translation>Turn the voice off</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à l&apos;écran sans voix</source>
        <translation>Back to the screen without voice</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Son doux</source>
        <translation>Soft</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Son moyen</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voix lente</source>
        <translation>Slow voice</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Voix rapide</source>
        <translation>Fast voice</translation>
    </message>
</context>
<context>
    <name>VoiceMode</name>
    <message>
        <location line="-33"/>
        <source>Mode voix activé. Touchez un bouton pour l&apos;entendre. Touchez-le deux fois pour l&apos;utiliser. Pour tout réentendre, touchez « Répéter ».</source>
        <translation>Voice mode on. Touch a button to hear it. Touch it twice to use it. To hear everything again, touch « Repeat ».</translation>
    </message>
    <message>
        <location line="+181"/>
        <source>Mode voix coupé.</source>
        <translation>Voice mode off.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Volume {0} sur 100</source>
        <translation>Volume {0} out of 100</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vitesse {0} mots par minute</source>
        <translation>Speed {0} words a minute</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Écriture : {0}</source>
        <translation>Typing: {0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tapé.</source>
        <translation>Typed.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>, contient : {0}</source>
        <translation>, contains: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, vide</source>
        <translation>, empty</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <location filename="../../ui/screens/welcome.py" line="+27"/>
        <source>Bienvenue au point numérique</source>
        <translation>Welcome to the digital point</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cette borne vous aide pour votre carte grise ou votre permis de conduire. Nous irons pas à pas. Vous pouvez revenir en arrière à tout moment.</source>
        <translation>This kiosk helps you with your vehicle registration or your driving licence. We will go step by step. You can go back at any time.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Changer la langue de la borne</source>
        <translation>Change the kiosk&apos;s language</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Comment souhaitez-vous faire ?</source>
        <translation>How would you like to do it?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Avec un médiateur</source>
        <translation>With a mediator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Un médiateur du point numérique vous accompagne. Il saisit son code.</source>
        <translation>A mediator of the digital point helps you. They type their code.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seul(e)</source>
        <translation>On my own</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vous faites la démarche vous-même. Vous pouvez appeler un médiateur.</source>
        <translation>You do the procedure yourself. You can call a mediator.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vous revenez avec un reçu ? Montrez son code carré au lecteur, ou touchez « Où en est ma demande ? » en bas de l&apos;écran.</source>
        <translation>Back with a receipt? Show its square code to the reader, or touch “Where is my request?” at the bottom of the screen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Espace médiateur</source>
        <translation>Mediator area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Réservé aux médiateurs : file d&apos;attente des demandes et reçus.</source>
        <translation>For mediators only: queue of requests and receipts.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Où en est ma demande ?</source>
        <translation>Where is my request?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retrouver une demande déjà faite, avec le reçu</source>
        <translation>Find a request already made, with the receipt</translation>
    </message>
    <message>
        <source>Commencer avec %s</source>
        <translation>Start with %s</translation>
    </message>
    <message>
        <source>Le médiateur déjà connecté vous accompagne, sans ressaisir son code.</source>
        <translation>The mediator already signed in helps you, without typing their code again.</translation>
    </message>
    <message>
        <source>Fin de service de %s</source>
        <translation>End of shift for %s</translation>
    </message>
    <message>
        <source>Ce n&apos;est plus moi : le médiateur se déconnecte. Le prochain devra saisir son code.</source>
        <translation>Not me any more: the mediator signs out. The next one will type their code.</translation>
    </message>
</context>
<context>
    <name>YesNoFieldWidget</name>
    <message>
        <location filename="../../ui/fields.py" line="+109"/>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Non</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ZoomView</name>
    <message>
        <location filename="../../ui/screens/preview.py" line="+161"/>
        <source>Touchez la page pour l&apos;agrandir. Touchez-la encore pour la voir en entier.</source>
        <translation>Touch the page to enlarge it. Touch it again to see it whole.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Page du document</source>
        <translation>Page of the document</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+65"/>
        <source>Agrandir</source>
        <translation>Enlarge</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Agrandir la page</source>
        <translation>Enlarge the page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Fermer l&apos;aperçu</source>
        <translation>Close the preview</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Ouverture de la page…</source>
        <translation>Opening the page…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cette page ne peut pas être affichée.</source>
        <translation>This page cannot be shown.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Voir en entier</source>
        <translation>See it whole</translation>
    </message>
</context>
</TS>
