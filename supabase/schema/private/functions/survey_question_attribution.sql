CREATE OR REPLACE FUNCTION private.survey_question_attribution()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  new.attribution := new.attribution or new.prompt ~* '(hear about|heard about|find (out about )?us|found us|discover(ed)? us|where did you (first )?(see|hear|learn)|how did you (first )?(learn|find|discover))';
  return new;
end $function$;
comment on function private.survey_question_attribution() is 'BEFORE INSERT on survey_questions: a question whose prompt asks how the customer found the brand is an attribution question.';
