-- The AI video pipeline's steps and states (their use is in the next migration: a new enum value
-- can be used only once the transaction that added it has committed). A project now moves
-- draft -> planning (the script) -> generating_voice -> generating_video (one clip per scene) ->
-- assembling -> completed, and any unfinished state -> failed; generating_images stays for
-- projects that generate stills.
alter type public.ai_video_status add value if not exists 'generating_voice' after 'planning';
alter type public.ai_video_status add value if not exists 'assembling' after 'generating_video';
alter type public.ai_video_job_type add value if not exists 'script' before 'image_generation';
alter type public.ai_video_job_type add value if not exists 'voice' after 'script';
alter type public.ai_video_job_type add value if not exists 'assembly';

comment on type public.ai_video_status is 'draft -> planning (script) -> generating_voice -> generating_video (clips) -> assembling -> completed; generating_images (stills) may come between planning and generating_video; any unfinished state -> failed (with the reason in error); failed -> draft to retry.';
comment on type public.ai_video_job_type is 'What a job asks for: the script (a chat model), the voice-over (text to speech), images, a clip per scene (video generation), the assembly of clips and voice (the video provider''s compositions).';
