<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ConfirmationScreen</name>
    <message>
        <location filename="../../ui/screens/confirmation.py" line="+30"/>
        <source>Votre demande est enregistrée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Et maintenant ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Réessayer l&apos;impression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Imprimer à nouveau le reçu provisoire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>J&apos;ai terminé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Terminer et effacer la session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Votre demande est gardée sur la borne. Elle sera envoyée à l&apos;ANTS dès que possible, même si Internet est coupé pour le moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Numéro d&apos;enregistrement : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Numéro de dossier : attendu après l&apos;envoi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Numéro de dossier ANTS : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Impression de votre reçu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Votre reçu est imprimé. Prenez-le dans l&apos;imprimante et gardez-le.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Le reçu n&apos;a pas pu être imprimé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 Votre demande est bien enregistrée. Notez le numéro ci-dessus ou appelez un médiateur.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentScreen</name>
    <message>
        <location filename="../../ui/screens/consent.py" line="+43"/>
        <source>Version du texte : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir au récapitulatif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Donner votre accord et enregistrer la demande sur la borne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Enregistrement de votre demande… Merci de patienter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>La demande n&apos;a pas pu être enregistrée sur la borne. Rien n&apos;est perdu : vos réponses sont toujours là. Touchez « Réessayer » ou appelez un médiateur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Réessayer l&apos;enregistrement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateFieldWidget</name>
    <message>
        <location filename="../../ui/fields.py" line="+237"/>
        <source>Jour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Le jour, en chiffres, par exemple 05</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mois</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Le mois, en chiffres, par exemple 03</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Année</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>L&apos;année, 4 chiffres, par exemple 1950</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentChooserScreen</name>
    <message>
        <location filename="../../ui/screens/document_chooser.py" line="+67"/>
        <source>Choisir le document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Aucun document numérisé pour l&apos;instant. Posez le document sur le scanner et lancez la numérisation : il apparaîtra ici tout seul.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à la liste des documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Autre fichier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Réservé au médiateur : choisir un fichier ailleurs sur la borne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choisir : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Fichier %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Utiliser ce fichier, %1, numérisé le %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choisir un fichier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.bmp *.tif *.tiff)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Vérification du fichier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Le fichier n&apos;a pas pu être lu. Numérisez le document à nouveau ou appelez un médiateur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ce fichier ne peut pas être utilisé. Numérisez le document à nouveau.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document refusé : %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentsScreen</name>
    <message>
        <location filename="../../ui/screens/documents.py" line="+23"/>
        <source>Vos documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pour chaque document, posez-le sur le scanner avec le médiateur, puis touchez « Ajouter ». Un document « facultatif » peut être laissé de côté.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir aux questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passer au récapitulatif de la demande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cette démarche ne demande aucun document. Touchez « Continuer ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Obligatoire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Facultatif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · fichiers acceptés : %2 · %3 au plus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>✔ Ajouté : %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pas encore ajouté</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aperçu : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remplacer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ajouter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choisir le fichier pour : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Retirer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Retirer le fichier : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retirer : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Il manque encore : %s. Ajoutez-les pour continuer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndScreen</name>
    <message>
        <location filename="../../ui/screens/end.py" line="+17"/>
        <source>Merci, c&apos;est terminé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gardez bien votre reçu : il prouve que votre demande est faite. Vos informations vont maintenant être effacées de l&apos;écran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Si vous avez une question, un médiateur du point numérique peut vous aider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retour à l&apos;accueil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Effacer la session et revenir à l&apos;accueil</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldWidget</name>
    <message>
        <location filename="../../ui/fields.py" line="-184"/>
        <source>%s (facultatif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+25"/>
        <source>Aide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Afficher l&apos;aide pour : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aide : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+15"/>
        <source>Exemple : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Masquer l&apos;aide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../ui/idle.py" line="+97"/>
        <source>Êtes-vous toujours là ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Je suis là, je continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Garder la démarche en cours et continuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Sans réponse, votre démarche sera effacée dans %n secondes pour protéger vos informations.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <location filename="../../ui/keyboard.py" line="+52"/>
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
        <source>Touche {key}</source>
        <translation>Key {key}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Écrit « {key} » dans le champ.</source>
        <translation>Types “{key}” in the field.</translation>
    </message>
    <message>
        <location line="+78"/>
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
        <source>Valider</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valide le champ et ferme le clavier.</source>
        <translation>Confirms the field and closes the keyboard.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>⇧ Maj</source>
        <translation>⇧ Shift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Majuscules</source>
        <translation>Capitals</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>La prochaine lettre sera une majuscule.</source>
        <translation>The next letter will be a capital.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verr. Maj</source>
        <translation>Caps Lock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verrouiller les majuscules</source>
        <translation>Lock capitals</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location filename="../../ui/main_window.py" line="+80"/>
        <source>Point numérique — %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Appeler un médiateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prévenir un médiateur du point numérique que vous avez besoin d&apos;aide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Texte plus grand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agrandir ou rétablir la taille du texte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contraste élevé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Texte clair sur fond noir, ou revenir aux couleurs normales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Connexion au service central…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Un médiateur est appelé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Simuler une coupure réseau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Démonstration : faire comme si Internet était coupé, ou le rétablir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+143"/>
        <source>Un médiateur a été prévenu. Restez ici, il arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Hors ligne (coupure simulée) — les demandes restent sur la borne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>En ligne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hors ligne — les demandes restent gardées sur la borne</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n demande(s) en attente d&apos;envoi</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n demande(s) à corriger par un médiateur</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediatorLoginScreen</name>
    <message>
        <location filename="../../ui/mediator.py" line="+30"/>
        <source>Connexion du médiateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Touchez votre nom, puis tapez votre code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Code du médiateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>De 4 à 8 chiffres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code (4 à 8 chiffres)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à l&apos;écran précédent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valider</source>
        <translation type="unfinished">Confirm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vérifier le code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Se connecter en tant que %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Aucun compte médiateur n&apos;existe sur cette borne. Demandez au support informatique d&apos;en créer un.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Touchez d&apos;abord votre nom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>La vérification du code a échoué. Réessayez.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickerScreen</name>
    <message>
        <location filename="../../ui/screens/picker.py" line="+19"/>
        <source>Que voulez-vous faire ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Carte grise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permis de conduire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choisissez d&apos;abord le sujet :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Afficher les démarches : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Puis touchez votre démarche :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à l&apos;accueil</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueScreen</name>
    <message>
        <location filename="../../ui/screens/queue_view.py" line="+34"/>
        <source>File d&apos;attente des demandes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quitter l&apos;espace médiateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actualiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relire la file d&apos;attente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Envoyer maintenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lancer l&apos;envoi des demandes en attente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Aucune demande sur cette borne.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>État : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>enregistrée le %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>essais : %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dossier ANTS : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dernier problème : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Réessayer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remettre la demande %s dans la file d&apos;envoi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Réimprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imprimer de nouveau le reçu provisoire de %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reçu final</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imprimer l&apos;accusé de réception de %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>La demande est remise dans la file : elle va être envoyée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reçu envoyé à l&apos;imprimante.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En cours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>L&apos;action a échoué. Réessayez ; si cela dure, prévenez le support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Envoi demandé. La liste se met à jour dans un instant.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequirementsScreen</name>
    <message>
        <location filename="../../ui/screens/requirements.py" line="+29"/>
        <source>Ce qu&apos;il vous faut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choisir une autre démarche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>J&apos;ai tout, commencer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Commencer les questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cela prend environ %d minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Les documents à avoir sous la main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aucun document à fournir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <source> (selon votre situation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-8"/>
        <source> (facultatif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ce que cela coûte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cette démarche est gratuite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>montant variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Délais à respecter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sources : %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepsScreen</name>
    <message>
        <location filename="../../ui/screens/steps.py" line="+46"/>
        <source>Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir à la question précédente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+42"/>
        <source>Continuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Vérifier les réponses et passer à la suite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Valider et revenir au récapitulatif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Étape %1 sur %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Une réponse est à corriger, elle est signalée en rouge ci-dessous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n réponses sont à corriger, elles sont signalées ci-dessous.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryScreen</name>
    <message>
        <location filename="../../ui/screens/summary.py" line="+22"/>
        <source>Vérifiez votre demande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relisez vos réponses. Si quelque chose est faux, touchez « Modifier » à côté.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenir aux documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tout est juste, continuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passer à l&apos;accord avant l&apos;envoi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Modifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changer : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modifier : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Aucun document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aucune réponse</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <location filename="../../ui/screens/welcome.py" line="+19"/>
        <source>Bienvenue au point numérique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cette borne vous aide à faire une démarche pour votre carte grise ou votre permis de conduire. Nous irons pas à pas. Vous pouvez revenir en arrière à tout moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Comment souhaitez-vous faire ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Avec un médiateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Un médiateur du point numérique vous accompagne. Il saisit son code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seul(e)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vous faites la démarche vous-même. Vous pouvez appeler un médiateur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Espace médiateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Réservé aux médiateurs : file d&apos;attente des demandes et reçus.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YesNoFieldWidget</name>
    <message>
        <location filename="../../ui/fields.py" line="+137"/>
        <source>Oui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Non</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
