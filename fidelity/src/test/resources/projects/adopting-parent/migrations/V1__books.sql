-- written by hand, as a team would: the title is shorter than the entity says (a true difference)
create table book (
    id bigint not null primary key,
    title varchar(100) not null
);
